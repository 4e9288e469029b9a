import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_committed_asyncapi_document_matches_the_code():
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "asyncapi.py"), "--check"],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert check.returncode == 0, check.stderr
