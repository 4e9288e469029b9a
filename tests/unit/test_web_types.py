"""The browser's TypeScript types are generated from the contracts (scripts/web_types.py): the committed
file must be what the contracts generate now, and every server event must say what payload it carries."""

import importlib.util
import subprocess
import sys
from pathlib import Path

from contracts.events import SERVER_EVENT_PAYLOADS, ServerEventType

ROOT = Path(__file__).resolve().parents[2]


def test_committed_web_types_match_the_contracts():
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "web_types.py"), "--check"],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert check.returncode == 0, check.stderr


def test_every_server_event_type_has_a_payload_model():
    assert set(SERVER_EVENT_PAYLOADS) == set(ServerEventType)


def test_the_check_fails_on_a_stale_file(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))  # as when run as `python scripts/web_types.py`
    spec = importlib.util.spec_from_file_location("web_types_script", ROOT / "scripts" / "web_types.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    stale = tmp_path / "contracts.ts"
    stale.write_text(script.render().replace("export interface SessionView {", "export interface SessionView {\n  x: 1;"))
    monkeypatch.setattr(script, "TYPES_FILE", stale)
    monkeypatch.setattr(sys, "argv", ["web_types.py", "--check"])
    assert script.main() == 1
    stale.write_text(script.render())
    assert script.main() == 0
