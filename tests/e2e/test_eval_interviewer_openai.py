"""`make eval-interviewer PROVIDER=openai` against the project's fake OpenAI-compatible server: the
interviewer process streams chat completions with tool calls from it, and the harness reports per persona."""

import re

import pytest

from interviewer_eval.__main__ import evaluate, parse_args
from interviewer_eval.fake_openai import FakeChatServer, scripted_interviewer

from .conftest import stack_env, start_stack

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
async def fake_model():
    server = await FakeChatServer(scripted_interviewer).start()
    yield server
    await server.stop()


async def test_the_harness_grades_an_openai_compatible_interviewer(fake_model, rabbitmq_url, tmp_path, capsys):
    env = stack_env(rabbitmq_url, f"sqlite+aiosqlite:///{tmp_path / 'mockmind.db'}") | {
        "LLM_PROVIDER": "openai", "OPENAI_BASE_URL": fake_model.url, "OPENAI_MODEL": "fake",
        "FEEDBACK_LLM_PROVIDER": "offline"}
    stack = await start_stack(env)
    try:
        code = await evaluate(parse_args(["--url", stack.urls[0], "--provider", "openai",
                                          "--personas", "strong,hint_seeker"]))
    finally:
        await stack.stop()
    output = capsys.readouterr().out
    assert code == 0
    assert re.search(r"interviewer_quality=[01]\.\d{3} checks=\d+ personas=2\n$", output), output[-1500:]
    for name in ("strong", "hint_seeker"):
        block = output.split(f"== {name}:", 1)[1].split("\n\n", 1)[0]
        assert "not played to the end" not in block, block
    strong = output.split("== strong:", 1)[1].split("\n\n", 1)[0]
    assert re.search(r"PASS\s+answers_every_turn", strong) and re.search(r"PASS\s+ends_with_a_report", strong), strong
    # The model was really asked, with the interviewer's tools, and its tool calls were run.
    tools = {t["function"]["name"] for request in fake_model.requests for t in request.get("tools", [])}
    assert {"get_question", "get_hint", "run_code", "assess_solution"} <= tools
