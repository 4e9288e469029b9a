"""One settings vocabulary: the README's configuration table is the code's. Every variable a service
reads is a row, every row is read, and its "used by" column never names a service that does not read it
(a service may read a shared setting it has no use for, e.g. the gateway's `HEARTBEAT_INTERVAL_S`)."""

import re

from .deploy_facts import LIBRARY_PREFIXES, ROOT, SERVICE_MODULES, known_variables

SERVICES = frozenset(SERVICE_MODULES)
# The words of the "used by" column.
USED_BY = {
    "all": SERVICES,
    "all but sandbox": SERVICES - {"sandbox-worker"},
    "workers": SERVICES - {"gateway"},
    "agents": {"interviewer-agent", "feedback-agent"},
    "interviewer": {"interviewer-agent"},
    "feedback": {"feedback-agent"},
    "tts": {"tts"},
    "stt": {"stt"},
    "sandbox": {"sandbox-worker"},
    "gateway": {"gateway"},
    "migrate step": SERVICES - {"sandbox-worker"},  # `python -m persistence.database`, from any image with the store
    "broker-users step": SERVICES,  # `python -m runtime.broker_users`: runtime is in every image
}
# Read by the code but no setting of an operator's: `make dev`'s own plumbing and Datadog/AWS libraries'.
NOT_SETTINGS = {"LOG_FORMAT", "AWS_SHARED_CREDENTIALS_FILE"}


def configuration_table() -> dict[str, set[str]]:
    """variable → the services its row says use it."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Configuration"):]
    section = section[:section.index("\n## ", 1)]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[0].startswith("`"):
            continue
        services = set().union(*(USED_BY[word.strip()] for word in cells[2].split(",")))
        for name in re.findall(r"`([^`]*)`", cells[0]):
            assert re.fullmatch(r"[A-Z][A-Z0-9_]*", name), f"README's configuration table: {name!r} is no variable name"
            rows[name] = services
    return rows


def readers() -> dict[str, set[str]]:
    """variable → the services whose code reads it (libraries' own variables aside)."""
    found: dict[str, set[str]] = {}
    for service in SERVICES:
        for variable in known_variables(service):
            if not variable.startswith(LIBRARY_PREFIXES) and variable not in NOT_SETTINGS:
                found.setdefault(variable, set()).add(service)
    return found


def test_every_variable_the_code_reads_is_in_the_table():
    missing = sorted(set(readers()) - set(configuration_table()))
    assert missing == [], f"add to README's configuration table: {missing}"


def test_every_variable_in_the_table_is_read_by_the_code():
    unread = sorted(variable for variable in configuration_table()
                    if variable not in readers() and not variable.startswith(LIBRARY_PREFIXES))
    assert unread == [], f"README documents variables no service reads: {unread}"


def test_the_table_names_no_service_that_does_not_read_the_variable():
    table, code = configuration_table(), readers()
    wrong = {variable: sorted(table[variable] - code[variable]) for variable in table.keys() & code.keys()
             if table[variable] - code[variable]}
    assert wrong == {}, "README says these services read variables they do not"


def test_env_example_lists_only_the_tables_variables():
    example = re.findall(r"^([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(), re.MULTILINE)
    assert sorted(set(example) - set(configuration_table())) == []
