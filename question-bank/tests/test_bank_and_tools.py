import pytest

from question_bank import tools
from question_bank.bank import NoQuestionAvailable


def test_pick_is_deterministic_per_seed(bank):
    first = bank.pick("easy", seed="session-1")
    assert bank.pick("easy", seed="session-1").id == first.id
    assert first.difficulty == "easy"


def test_pick_varies_across_seeds(bank):
    easy_ids = {q.id for q in bank.questions("easy")}
    picked = {bank.pick("easy", seed=f"session-{i}").id for i in range(40)}
    assert len(easy_ids) < 2 or len(picked) >= 2


def test_pick_respects_exclusions_and_topic(bank):
    all_easy = [q.id for q in bank.questions("easy")]
    for excluded_count in range(len(all_easy)):
        excluded = all_easy[:excluded_count]
        assert bank.pick("easy", exclude_ids=excluded, seed="x").id not in excluded
    with pytest.raises(NoQuestionAvailable):
        bank.pick("easy", exclude_ids=all_easy)
    stack = bank.pick("easy", topic="stack", seed="y")
    assert "stack" in stack.topics


def test_public_view_hides_hidden_material(bank):
    view = bank.public_view("ticket_pair_budget")
    text = repr(view)
    q = bank.question("ticket_pair_budget")
    assert [t["id"] for t in view["sample_tests"]] == [t.id for t in q.sample_tests]
    for secret in [
        *(t.id for t in q.hidden_tests),
        *(t.id for t in q.generated_tests),
        *q.hints,
        *q.pitfalls,
    ]:
        assert secret not in text
    assert set(view["starter_code"]) == {"python", "javascript", "cpp", "java", "go"}


def test_hint_levels(bank):
    q = bank.question("balanced_brackets_lint")
    assert [bank.hint(q.id, level) for level in (1, 2, 3)] == q.hints
    with pytest.raises(ValueError):
        bank.hint(q.id, 4)


def test_get_question_tool(bank):
    result = tools.get_question(bank, "easy", topic="stack", exclude_ids=[], seed="s")
    assert result["topic_matched"] is True
    assert "stack" in result["question"]["topics"]
    assert "hidden_tests" not in repr(result) and "hints" not in result["question"]
    assert result["interviewer_notes"]["expected_complexity"]["time"]


def test_get_question_falls_back_when_topic_exhausted(bank):
    stack_easy = [q.id for q in bank.questions("easy", "stack")]
    result = tools.get_question(bank, "easy", topic="stack", exclude_ids=stack_easy, seed="s")
    assert result["topic_matched"] is False
    assert result["question"]["question_id"] not in stack_easy


def test_get_question_errors_are_results(bank):
    assert "error" in tools.get_question(bank, "impossible")
    everything = [q.id for q in bank.questions("easy")]
    assert "error" in tools.get_question(bank, "easy", exclude_ids=everything)


def test_get_hint_tool(bank):
    q = bank.question("ticket_pair_budget")
    first = tools.get_hint(bank, q.id, 1)
    assert first == {"question_id": q.id, "level": 1, "hint": q.hints[0], "is_last": False}
    assert tools.get_hint(bank, q.id, 7)["hint"] == q.hints[2]
    assert "error" in tools.get_hint(bank, q.id, 0)
    assert "error" in tools.get_hint(bank, "no_such_problem", 1)
