"""`sandbox-run`: read one SandboxRequest as JSON on stdin, print the SandboxResult JSON."""

import asyncio
import os
import sys

from contracts.sandbox import SandboxRequest

from .judge import judge


def main() -> None:
    os.environ.setdefault("SANDBOX_WARM_POOL", "0")  # one run: a pool of pre-started sandboxes would be wasted
    request = SandboxRequest.model_validate_json(sys.stdin.read())
    result = asyncio.run(judge(request))
    print(result.model_dump_json(indent=2))


if __name__ == "__main__":
    main()
