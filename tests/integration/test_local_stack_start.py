"""A stack that fails to start says why: the error carries the last lines of each process's log (so a test
or a bench that started it needs no code of its own to show them)."""

import pytest

from runtime.local_stack import WORKER_MODULES, LocalStack, free_port


async def test_a_service_that_dies_during_start_up_leaves_its_log_tail_on_the_error(tmp_path):
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'mockmind.db'}", "SESSION_SECRET": "x" * 32,
           "PREFETCH_COUNT": "not-a-number"}  # the gateway's settings refuse it and the process exits
    stack = LocalStack(env=env, gateway_ports=[free_port()], replicas={kind: 0 for kind in WORKER_MODULES},
                       echo=False)
    with pytest.raises((RuntimeError, TimeoutError)) as failed:  # seen dead, or never healthy
        await stack.start(timeout_s=180)
    (note,) = failed.value.__notes__
    assert note.startswith("the last lines of each process:")
    assert "gateway-1: " in note and "prefetch_count" in note and "int_parsing" in note
