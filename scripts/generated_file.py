"""A file generated from the code and committed (contracts/asyncapi.yaml, the web's contract types):
`<script>` writes it, `<script> --check` exits 1 when the committed copy differs from what the code
generates now (the tests run the check)."""

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def write_or_check(path: Path, render: Callable[[], str], *, regenerate_with: str) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    args = parser.parse_args()
    document = render()
    if args.check:
        if not path.exists() or path.read_text() != document:
            print(f"{path} is stale: run `{regenerate_with}`", file=sys.stderr)
            return 1
        print(f"{path.name}: up to date")
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document)
    print(f"wrote {path}")
    return 0
