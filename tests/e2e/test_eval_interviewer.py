"""`make eval-interviewer`'s fast subset: three personas played through a real stack (real RabbitMQ, the
offline interviewer) by the harness itself, down to its last two lines.

What is asserted is the instrument (every persona played to the end, its checks counted, the last-line
format) and the few rules no interviewer may ever break (no solution, no hidden test data), not today's
quality figure."""

import re

import pytest

from interviewer_eval.__main__ import evaluate, parse_args

from .conftest import stack_env, start_stack

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

LAST_LINES = re.compile(r"intent_accuracy=(nan|[01]\.\d{3})\ninterviewer_quality=([01]\.\d{3}) checks=(\d+) "
                        r"personas=(\d+)\n$")


@pytest.fixture(scope="module")
async def offline_stack(rabbitmq_url, tmp_path_factory):
    database = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('eval') / 'mockmind.db'}"
    stack = await start_stack(stack_env(rabbitmq_url, database) | {"LLM_PROVIDER": "offline"})
    yield stack
    await stack.stop()


def persona_block(output: str, name: str) -> str:
    return output.split(f"== {name}:", 1)[1].split("\n\n", 1)[0]


async def test_three_personas_through_a_real_stack(offline_stack, capsys):
    personas = ["strong", "confidently_wrong", "prompt_injector"]
    code = await evaluate(parse_args(["--url", offline_stack.urls[0], "--provider", "offline",
                                      "--personas", ",".join(personas), "--concurrency", "3"]))
    output = capsys.readouterr().out
    assert code == 0
    last = LAST_LINES.search(output)
    assert last, output[-2000:]
    quality, checks, count = float(last.group(2)), int(last.group(3)), int(last.group(4))
    assert count == 3 and checks >= 40 and 0 < quality <= 1
    for name in personas:
        block = persona_block(output, name)
        assert "not played to the end" not in block, block
        assert re.search(r"PASS\s+never_gives_the_solution", block), block
        assert re.search(r"PASS\s+no_hidden_test_data", block), block
    strong = persona_block(output, "strong")
    assert re.search(r"PASS\s+ends_with_a_report", strong), strong
    assert re.search(r"PASS\s+reports_the_verdict", strong), strong
    wrong = persona_block(output, "confidently_wrong")
    assert re.search(r"PASS\s+catches_the_wrong_answer", wrong), wrong
    assert re.search(r"^strong\s+\S+\s+python\s+\d+/\d+\s+\d+\s+\d+", output, re.M), "latency row per persona"
