"""Fair scores: the hire bands of docs/scoring.md, hints counted from the record (asked ones only), every
score with its evidence, readable wording, and the same evidence always giving the same scorecard —
whatever a model says."""

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from contracts.events import FeedbackScore
from contracts.reports import HintUse
from contracts.sandbox import SandboxResult, TestResult, Verdict
from feedback_agent.edge_cases import category_results
from feedback_agent.hints import counted, hints_given
from feedback_agent.providers import _ModelWriter
from feedback_agent.scorecard import (
    DIMENSIONS,
    Evidence,
    Quote,
    build_scorecard,
    hire_signal_with_caps,
    no_code_scorecard,
)
from persistence.models import TranscriptMessage
from question_bank.bank import default_bank

from .test_scorecard import LINEAR, QUADRATIC, result

QUESTION = default_bank().question("first_repeat_badge")
SCORING_DOC = Path(__file__).resolve().parents[3] / "docs" / "scoring.md"
START = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
TALK = [Quote("I'll keep a set of badges seen so far, that's O(n) time.", START + timedelta(minutes=2)),
        Quote("Can badges be negative?", START + timedelta(minutes=1)),
        Quote("Then I return the first one I see twice.", START + timedelta(minutes=4)),
        Quote("Let me test the empty log first.", START + timedelta(minutes=9))]


def hint(level: int, asked: bool = True) -> HintUse:
    return HintUse(level=level, at=START + timedelta(minutes=5 + level), asked=asked,
                   request="Any hints?" if asked else None)


def evidence(sandbox: SandboxResult, **overrides) -> Evidence:
    fields = {"question": QUESTION, "result": sandbox, "complexity": LINEAR, "categories": category_results(sandbox),
              "suggestions": [], "hints": [], "sample_runs_before_submit": 2, "submitted": True,
              "candidate_messages": TALK}
    return Evidence(**(fields | overrides))


# ---- the hire bands, as the docs write them -------------------------------------------------------


def documented_bands() -> list[tuple[list[int], bool, int, str]]:
    rows = []
    section = SCORING_DOC.read_text().split("Worked rows", 1)[1]
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0].isdigit():
            rows.append(([int(c) for c in cells[:4]], cells[4] == "yes", int(cells[5]), cells[6]))
    return rows


def test_the_docs_hold_a_table_of_bands():
    assert len(documented_bands()) >= 10


@pytest.mark.parametrize(("points", "solved", "deepest_hint", "signal"), documented_bands())
def test_every_documented_band_is_what_the_code_gives(points, solved, deepest_hint, signal):
    scores = [FeedbackScore(dimension=d, score=p, justification="") for d, p in zip(DIMENSIONS, points)]
    assert hire_signal_with_caps(scores, solved=solved, deepest_hint=deepest_hint)[0] == signal


def test_needing_the_last_hint_caps_the_signal_below_yes_and_says_why():
    feedback = build_scorecard(evidence(result(), hints=[hint(1), hint(2), hint(3)]))
    assert feedback.hire_signal in ("no", "strong_no")
    assert next(s for s in feedback.scores if s.dimension == "problem_solving").score <= 2
    assert any("level-3 hint" in cap for cap in feedback.hire_signal_caps)
    assert feedback.hints_used == 3


def test_an_unsolved_interview_is_never_yes_however_well_it_went():
    feedback = build_scorecard(evidence(result({"empty": 1}, passing=30)))
    assert feedback.hire_signal == "no" and "not solved: at most no" in feedback.hire_signal_caps


def test_yes_never_stands_beside_a_two_in_problem_solving():
    for sandbox in (result({"empty": 5}, passing=5), result({"large": 2}, passing=8), result()):
        for hints in ([], [hint(3)]):
            feedback = build_scorecard(evidence(sandbox, hints=hints))
            by_dimension = {s.dimension: s.score for s in feedback.scores}
            if feedback.hire_signal in ("yes", "strong_yes"):
                assert by_dimension["problem_solving"] >= 3
                assert sum(score <= 2 for score in by_dimension.values()) <= 1


# ---- hints: only those asked for or accepted count ------------------------------------------------


def row(role: str, content: str, turn: str, minute: int, **extra) -> TranscriptMessage:
    return TranscriptMessage(role=role, content=content, extra={"turn_id": turn, **extra},
                             created_at=START + timedelta(minutes=minute))


def hint_turn(turn: str, level: int, minute: int) -> TranscriptMessage:
    use = {"toolUse": {"toolUseId": f"t{turn}", "name": "get_hint", "input": {}}}
    outcome = {"toolResult": {"toolUseId": f"t{turn}", "status": "success",
                              "content": [{"json": {"level": level, "hint": "Think about what you have seen.",
                                                    "hints_remaining": 3 - level}}]}}
    converse = [{"role": "assistant", "content": [use]}, {"role": "user", "content": [outcome]},
                {"role": "assistant", "content": [{"text": "Here's a hint."}]}]
    return row("interviewer", "Here's a hint. Think about what you have seen.", turn, minute,
               converse=converse, tools=["get_hint"])


def test_a_hint_given_after_a_long_silence_is_recorded_but_never_counted():
    rows = [row("candidate", "I'll keep a set.", "a", 1),
            row("action", "[The candidate has been silent for 90 seconds.]", "b", 4, action="silence_check"),
            row("interviewer", "How is it going?", "b", 4),
            row("action", "[The candidate has been silent for 90 seconds.]", "c", 6, action="silence_check"),
            hint_turn("c", 1, 6)]
    given = hints_given(rows)
    assert [(h.level, h.asked) for h in given] == [(1, False)]
    assert counted(given) == []
    feedback = build_scorecard(evidence(result(), hints=given))
    assert feedback.hints_used == 0 and "no hints asked for" in feedback.scores[0].justification


def test_hints_asked_for_in_words_or_with_the_button_count_and_quote_the_request():
    rows = [row("candidate", "Do you have any hints for me?", "a", 3), hint_turn("a", 1, 3),
            row("action", "[The candidate pressed the hint button.]", "b", 7, action="request_hint"),
            hint_turn("b", 2, 7),
            row("candidate", "yes please", "c", 12), hint_turn("c", 3, 12)]  # accepted an offer
    given = hints_given(rows)
    assert [(h.level, h.asked, h.request) for h in given] == [
        (1, True, "Do you have any hints for me?"), (2, True, None), (3, True, "yes please")]
    feedback = build_scorecard(evidence(result(), hints=given))
    cited = [e for e in feedback.scores[0].evidence if e.kind == "hint"]
    assert [e.at for e in cited] == [h.at for h in given]
    assert '"Do you have any hints for me?"' in cited[0].text and "hint button" in cited[1].text


# ---- every score cites its evidence, in plain words -----------------------------------------------


def test_every_score_cites_evidence_and_the_candidate_is_quoted_with_the_time():
    feedback = build_scorecard(evidence(result({"empty": 2}), hints=[hint(1)]))
    for score in feedback.scores:
        assert score.evidence, score.dimension
    quotes = [e for e in feedback.scores[3].evidence if e.kind == "quote"]
    assert quotes and all(e.at is not None for e in quotes)
    assert {e.text for e in quotes} <= {q.text for q in TALK}
    assert any(e.kind == "test_category" and e.text.startswith("empty: 0/2") for e in feedback.scores[2].evidence)
    assert any(e.kind == "measurement" and "tests pass" in e.text for e in feedback.scores[0].evidence)


@pytest.mark.parametrize("runs", [0, 1, 2, 3])
def test_counts_read_as_english(runs):
    sandbox = result({"empty": 1})
    sandbox.tests.append(TestResult(test_id="boom", verdict=Verdict.RUNTIME_ERROR, hidden=True, category="single"))
    feedback = build_scorecard(evidence(sandbox, sample_runs_before_submit=runs, hints=[hint(1)] * runs))
    text = feedback.model_dump_json()
    assert "(s)" not in text and "time(s)" not in text
    assert {0: "Never ran the examples", 1: "Ran the examples once", 2: "Ran the examples twice",
            3: "Ran the examples 3 times"}[runs] in text
    if runs:
        assert f"{runs} hint{'s' if runs > 1 else ''} asked for" in feedback.scores[0].justification


def test_practice_advice_never_points_at_suggestions_that_are_not_there():
    feedback = build_scorecard(evidence(result(), candidate_messages=[]))
    assert not feedback.suggestions
    assert not any("suggestions show" in p for p in feedback.practice_next)


def test_the_per_line_suggestions_and_categories_travel_in_the_payload():
    sandbox = result({"duplicates": 1})
    feedback = build_scorecard(evidence(sandbox, complexity=QUADRATIC))
    payload = feedback.model_dump(mode="json")
    assert payload["edge_case_categories"] and payload["suggestions"]
    assert any(s["kind"] == "performance" for s in payload["suggestions"])


def test_an_interview_without_code_still_scores_what_was_said():
    feedback = no_code_scorecard("No code was written for the problem.", TALK, [hint(1)])
    assert feedback.hire_signal == "strong_no" or feedback.hire_signal == "no"
    assert [s.score for s in feedback.scores[:3]] == [1, 1, 1] and feedback.scores[3].score >= 3
    assert feedback.hints_used == 1


# ---- the same transcript, the same scores ------------------------------------------------------------


def test_the_same_evidence_always_gives_the_same_scorecard():
    sandbox = result({"empty": 1}, passing=12)
    first = build_scorecard(evidence(sandbox, hints=[hint(1), hint(2, asked=False)]))
    for _ in range(5):
        again = build_scorecard(evidence(result({"empty": 1}, passing=12), hints=[hint(1), hint(2, asked=False)]))
        assert again == first


class Meddler(_ModelWriter):
    """A model that tries to change the judgement while it rewords."""

    def __init__(self, answer: str):
        self.answer = answer
        self.name = "openai:meddler"

    async def _complete(self, system: str, user: str) -> str:
        return self.answer


@pytest.mark.parametrize("answer", [
    '{"summary": "Strong hire, great work!", "justifications": {}}',
    '{"summary": "Fine.", "justifications": {"problem_solving": "A clear 4/4."}}',
    '{"summary": "Fine.", "justifications": {}, "scores": [4, 4, 4, 4], "hire_signal": "strong_yes"}',
])
async def test_a_model_may_reword_but_never_change_a_score(answer):
    draft = build_scorecard(evidence(result({"empty": 3}, passing=5), hints=[hint(3)]))
    polished = await Meddler(answer).polish(draft)
    assert [s.score for s in polished.scores] == [s.score for s in draft.scores]
    assert polished.hire_signal == draft.hire_signal == "no"
    assert "Strong hire" not in polished.summary
    assert not re.search(r"\b4/4\b", polished.model_dump_json()) or polished.scores[0].score == 4


async def test_a_model_that_only_rewords_is_used():
    draft = build_scorecard(evidence(result()))
    polished = await Meddler('{"summary": "You solved it cleanly.", "justifications": {"coding": "Tidy code."}}'
                             ).polish(draft)
    assert polished.summary == "You solved it cleanly." and polished.model == "openai:meddler"
    assert [s.score for s in polished.scores] == [s.score for s in draft.scores]


def test_the_markdown_report_says_how_it_ended_why_the_signal_and_what_each_score_rests_on():
    from contracts.reports import InterviewReport, report_markdown

    feedback = build_scorecard(evidence(result({"empty": 2}), hints=[hint(1), hint(3)]))
    report = InterviewReport(report_id="r", session_id="s", generated_at=START, language="python", started_at=START,
                             ended_at=START + timedelta(minutes=30), duration_s=1800, scorecard=feedback,
                             hints_used=feedback.hints_used, hints=[hint(1), hint(3), hint(2, asked=False)],
                             end_reason="time_limit", solved=False)
    markdown = report_markdown(report)
    assert "- Ended: the time limit ran out; not solved" in markdown
    assert "- Hints used: 2 of 3" in markdown
    assert "Hire signal: **No** (not solved: at most no; needed the level-3 hint: at most no" in markdown
    assert "- quote: I'll keep a set of badges seen so far, that's O(n) time. (10:02:00)" in markdown
    assert "- test category: empty: 0/2 hidden tests pass" in markdown
