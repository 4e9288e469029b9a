"""Hints as the candidate hears them never carry a line of any reference solution, and every problem has
the notes the interviewer answers clarifying questions from (never hidden test data)."""

import json
import re
from difflib import SequenceMatcher

import pytest

from contracts.sandbox import Language
from interviewer_agent.hints import IMPERATIVE_VERBS, MAX_LEVEL, phrase_hint, spoken
from question_bank.bank import default_bank

BANK = default_bank()
COMMENT_PREFIXES = ("#", "//", "/*", "*")
MIN_LINE_CHARS = 12  # shorter lines are words like "return 0;" that prose may use innocently
MAX_SHARED_RUN = 40  # characters in a row shared with a reference, comments included


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def code_lines(source: str) -> list[str]:
    lines = (normalised(line).rstrip(";{:") for line in source.splitlines())
    return [line for line in lines if len(line) >= MIN_LINE_CHARS and not line.startswith(COMMENT_PREFIXES)]


def longest_shared_run(a: str, b: str) -> int:
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


@pytest.mark.parametrize("question_id", BANK.ids)
def test_no_hint_contains_a_line_of_any_languages_reference(question_id):
    references = [BANK.reference_source(question_id, language) for language in Language]
    for level in range(1, MAX_LEVEL + 1):
        said = normalised(phrase_hint(BANK.hint(question_id, level), level, question_id))
        for reference in references:
            leaked = [line for line in code_lines(reference) if line in said]
            assert not leaked, f"{question_id} hint {level} says reference code: {leaked}"
            assert longest_shared_run(said, normalised(reference)) < MAX_SHARED_RUN, f"{question_id} hint {level}"


@pytest.mark.parametrize("question_id", BANK.ids)
def test_hints_are_phrased_for_the_conversation_and_escalate(question_id):
    phrased = [phrase_hint(BANK.hint(question_id, level), level, question_id) for level in (1, 2, 3)]
    for level, said in enumerate(phrased, start=1):
        assert said != BANK.hint(question_id, level)
        assert said.endswith(("?", "."))
    assert "last hint" in phrased[2] and "last hint" not in phrased[0] + phrased[1]


def test_an_instruction_becomes_a_suggestion_and_a_question_is_asked_as_people_ask():
    assert spoken("Sort by start and sweep.") == "I'd try sorting by start and sweep."
    assert spoken("For each node compute the best chain.") == "For each node try computing the best chain."
    assert spoken("When a bid arrives, which minutes does it answer?") == \
        "When a bid arrives, which minutes would it answer?"
    assert spoken("What could you compute from a tag?") == "What might you compute from a tag?"
    assert spoken("Taking the biggest stamp is not always optimal.") == "Taking the biggest stamp isn't always optimal."


def says_or_asks(hint: str) -> bool:
    """The hint holds an instruction or a question (a bare statement of fact may be said as it stands)."""
    return "?" in hint or any(re.match(r"[A-Za-z]+", sentence) and sentence.split()[0].lower() in IMPERATIVE_VERBS
                              for sentence in re.split(r"(?<=[.?!])\s+", hint))


@pytest.mark.parametrize("question_id", BANK.ids)
def test_a_hint_that_instructs_or_asks_is_never_read_out_verbatim(question_id):
    for level in range(1, MAX_LEVEL + 1):
        hint = BANK.hint(question_id, level)
        said = normalised(phrase_hint(hint, level, question_id)).lower()
        if says_or_asks(hint):
            assert normalised(hint).lower() not in said, f"{question_id} hint {level} read verbatim"


@pytest.mark.parametrize("question_id", BANK.ids)
def test_every_problem_has_notes_for_clarifying_questions_without_hidden_data(question_id):
    question = BANK.question(question_id)
    assert len(question.output_format) >= 10 and question.output_format.startswith(("Return", "get", "record"))
    assert question.edge_cases and all(len(note) >= 15 for note in question.edge_cases)
    notes = " ".join(question.edge_cases + [question.output_format])
    for test in question.hidden_tests:
        for value in (test.input or {}).values():
            shown = json.dumps(value)
            assert len(shown) < 12 or shown not in notes, f"{question_id}: note quotes hidden test {test.id}"
