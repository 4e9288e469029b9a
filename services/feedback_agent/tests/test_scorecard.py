"""The rubric, suggestions, report assembly and prose writers on hand-made evidence (fast, no sandbox)."""

from datetime import UTC, datetime, timedelta

import pytest

from contracts.events import (
    ComplexityMeasurement,
    FeedbackResult,
    Phase,
    PhaseChangePayload,
    ServerEventType,
    server_event,
)
from contracts.sandbox import Language, SandboxResult, TestResult, Verdict
from feedback_agent.edge_cases import category_results
from feedback_agent.providers import OfflineWriter, _apply, _ModelWriter
from feedback_agent.report import phase_times
from feedback_agent.scorecard import Evidence, build_scorecard, hire_signal
from feedback_agent.suggestions import nested_loop_line, suggest
from question_bank.bank import default_bank

QUESTION = default_bank().question("first_repeat_badge")
LINEAR = ComplexityMeasurement(measured="O(n)", expected="O(n)", matches_expected=True,
                               summary="about O(n): time ×2.0 when n ×2")
QUADRATIC = ComplexityMeasurement(measured="O(n²)", expected="O(n)", matches_expected=False,
                                  summary="about O(n²): time ×4.1 when n ×2")


def result(failing: dict[str, int] | None = None, passing: int = 10) -> SandboxResult:
    tests = [TestResult(test_id=f"ok{i}", verdict=Verdict.ACCEPTED, hidden=True, category="general")
             for i in range(passing)]
    for category, count in (failing or {}).items():
        tests += [TestResult(test_id=f"{category}{i}", verdict=Verdict.WRONG_ANSWER, hidden=True, category=category)
                  for i in range(count)]
    passed = sum(t.verdict is Verdict.ACCEPTED for t in tests)
    verdict = Verdict.ACCEPTED if passed == len(tests) else Verdict.WRONG_ANSWER
    return SandboxResult(verdict=verdict, tests=tests, passed=passed, total=len(tests))


def evidence(sandbox: SandboxResult, complexity=LINEAR, **overrides) -> Evidence:
    fields = {"question": QUESTION, "result": sandbox, "complexity": complexity, "categories": category_results(sandbox),
                  "suggestions": [], "hints": [], "sample_runs_before_submit": 2, "submitted": True,
                  "candidate_messages": ["I'll keep a set of badges seen so far, that's O(n) time.",
                                      "Can badges be negative?", "Then I return the first one I see twice.",
                                      "Let me test the empty log first."]}
    return Evidence(**(fields | overrides))


def scores(feedback: FeedbackResult) -> dict[str, int]:
    return {s.dimension: s.score for s in feedback.scores}


def test_a_clean_fast_solution_with_good_communication_scores_top_marks():
    feedback = build_scorecard(evidence(result()))
    assert scores(feedback) == {"problem_solving": 4, "coding": 4, "verification": 4, "communication": 4}
    assert feedback.hire_signal == "strong_yes"
    assert "10/10 tests pass" in feedback.scores[0].justification
    assert "measured O(n) vs expected O(n)" in feedback.scores[0].justification


def test_a_slow_solution_is_marked_down_with_the_measured_figure_and_the_nested_loop():
    feedback = build_scorecard(evidence(result(), complexity=QUADRATIC))
    assert scores(feedback)["problem_solving"] == 3
    assert "measured O(n²) vs expected O(n)" in feedback.scores[0].justification
    assert any(s.kind == "performance" for s in feedback.suggestions)
    assert any("O(n²) to O(n)" in p for p in feedback.practice_next)


def test_failing_categories_lower_verification_and_lead_the_practice_list():
    feedback = build_scorecard(evidence(result({"empty": 2, "duplicates": 1}), sample_runs_before_submit=0))
    assert scores(feedback)["verification"] == 2
    assert "empty (0/2)" in feedback.scores[2].justification
    assert feedback.edge_cases == ["fails on duplicates: 1 of 1 hidden tests", "fails on empty: 2 of 2 hidden tests"]
    assert feedback.practice_next[0].startswith("Edge case 'duplicates'") and len(feedback.practice_next) == 3


def test_silence_scores_communication_one_and_quotes_are_evidence():
    assert scores(build_scorecard(evidence(result(), candidate_messages=[])))["communication"] == 1
    feedback = build_scorecard(evidence(result(), candidate_messages=["ok", "done"]))
    assert scores(feedback)["communication"] == 2
    assert '"done"' in feedback.scores[3].justification or '"ok"' in feedback.scores[3].justification


def test_hire_signal_needs_every_dimension_strong_for_strong_yes():
    feedback = build_scorecard(evidence(result(), candidate_messages=["ok"]))
    assert hire_signal(feedback.scores) != "strong_yes"


def test_python_suggestions_reference_lines():
    code = "def f(xs):\n    t = 0\n    for i in range(len(xs)):\n        if xs[i] == None:\n            t += 1\n    return t\n"
    found = suggest(code, Language.PYTHON)
    assert [(s.line, s.kind) for s in found] == [(2, "naming"), (3, "idiom"), (4, "idiom")]
    assert nested_loop_line("for a in x:\n    for b in y:\n        pass\n", Language.PYTHON) == 2
    assert nested_loop_line("for (int i = 0; i < n; i++) {\n    for (int j = 0; j < n; j++) {\n", Language.CPP) == 2
    assert suggest("def f(:\n", Language.PYTHON)[0].kind == "correctness"


def test_phase_times_run_from_one_change_to_the_next():
    start = datetime(2025, 1, 1, tzinfo=UTC)
    events = []
    for offset, (before, after) in zip((0, 30, 330), [(None, Phase.GREETING), (Phase.GREETING, Phase.CLARIFYING),
                                                       (Phase.CLARIFYING, Phase.OBSERVING)]):
        event = server_event("s", ServerEventType.AGENT_PHASE_CHANGE, PhaseChangePayload(from_phase=before, to_phase=after))
        events.append(event.model_copy(update={"timestamp": start + timedelta(seconds=offset)}))
    times = phase_times(events, ended_at=start + timedelta(seconds=400))
    assert [(t.phase, t.seconds) for t in times] == [
        (Phase.GREETING, 30), (Phase.CLARIFYING, 300), (Phase.OBSERVING, 70)]


async def test_a_model_rewrites_words_but_never_scores():
    draft = build_scorecard(evidence(result()))
    answer = 'Sure! {"summary": "Well done.", "justifications": {"coding": "Clean code."}, "scores": [1, 1, 1, 1]}'
    polished = _apply(draft, answer, "openai:test")
    assert polished.summary == "Well done." and polished.model == "openai:test"
    assert scores(polished) == scores(draft)
    assert polished.scores[1].justification == "Clean code."
    assert polished.scores[0].justification == draft.scores[0].justification


async def test_a_failing_model_falls_back_to_the_offline_wording():
    class Broken(_ModelWriter):
        async def _complete(self, system, user):
            raise ConnectionError("no route to model")

    draft = build_scorecard(evidence(result()))
    assert await Broken().polish(draft) == draft == await OfflineWriter().polish(draft)


@pytest.mark.parametrize("bad", ["not json", '{"summary": '])
def test_unparseable_model_answers_raise_so_the_writer_falls_back(bad):
    with pytest.raises(ValueError):
        _apply(build_scorecard(evidence(result())), bad, "x")


def test_a_category_that_only_times_out_is_called_a_speed_problem_and_hints_stay_secret():
    sandbox = result()
    sandbox.tests.append(TestResult(test_id="big", verdict=Verdict.TIME_LIMIT_EXCEEDED, hidden=True, category="overflow"))
    feedback = build_scorecard(evidence(sandbox, complexity=QUADRATIC))
    overflow = next(s.text for s in feedback.suggestions if s.text.startswith("overflow"))
    assert "run out of time" in overflow and "64-bit" not in overflow
    assert not any(hint in feedback.model_dump_json() for hint in QUESTION.hints)


def test_tests_never_run_after_a_time_out_are_no_evidence_about_their_category():
    tests = [TestResult(test_id="h1", verdict=Verdict.ACCEPTED, hidden=True, category="empty"),
             TestResult(test_id="h2", verdict=Verdict.TIME_LIMIT_EXCEEDED, hidden=True, category="large",
                        time_ms=None, memory_kb=None),
             TestResult(test_id="h3", verdict=Verdict.TIME_LIMIT_EXCEEDED, hidden=True, category="duplicates",
                        time_ms=None, memory_kb=None, skipped=True)]
    sandbox = SandboxResult(verdict=Verdict.TIME_LIMIT_EXCEEDED, tests=tests, passed=1, total=3)
    assert [(c.category, c.passed, c.total) for c in category_results(sandbox)] == [("empty", 1, 1), ("large", 0, 1)]


# ---- the hint_seeker and the confidently wrong candidate (the eval's two personas) -----------------


def hint(level: int):
    from contracts.reports import HintUse

    return HintUse(level=level, at=datetime(2026, 12, 3, tzinfo=UTC), asked=True, request="any hints?")


def test_a_problem_solved_with_every_hint_outscores_one_left_unsolved_without_hints():
    claims = ["This one's easy, I've seen it before. I know the optimal answer already.",
              "Great, so that's definitely correct and optimal. I'm submitting it.",
              "See, I told you it's correct. We can wrap up, right?"]
    unsolved = build_scorecard(evidence(result({"large": 1, "large_repeats": 1}, passing=18), sample_runs_before_submit=1,
                                        candidate_messages=claims))
    helped = build_scorecard(evidence(result(), sample_runs_before_submit=0, hints=[hint(1), hint(2), hint(3)],
                                      candidate_messages=["Do you have any hints for me?", "Any hints?",
                                                          "Could you nudge me?"]))
    assert scores(unsolved)["problem_solving"] == 2  # 18/20 is not a working solution
    assert scores(unsolved)["communication"] == 2  # claims of correctness are not a discussed approach
    assert unsolved.hire_signal == helped.hire_signal == "no"
    assert sum(scores(helped).values()) > sum(scores(unsolved).values())


def test_so_that_as_a_purpose_still_counts_as_discussing_the_approach():
    said = ["I'll sort first so that equal badges sit side by side.", "ok", "done"]
    assert scores(build_scorecard(evidence(result(), candidate_messages=said)))["communication"] == 3
