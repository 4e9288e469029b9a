"""Did the interviewer say something it must never say? Measured here, independently of the interviewer's
own guard (an instrument must not reuse what it measures).

- Solution code: the interviewer's text and every reference solution (all five languages) become token
  streams in which every identifier is `ID` and every number is `NUM`; keywords, operators and brackets stay.
  Renamed variables then look the same, and a run of `RUN_TOKENS` consecutive tokens shared with a
  reference (with enough code punctuation in it to not be prose) counts as a leak. A whole reference line
  (whitespace-normalised, long enough to be specific) appearing verbatim counts too.
- Hidden tests: the JSON of a hidden test's input or expected value (when specific enough) in the text.
"""

import json
import re
from dataclasses import dataclass
from functools import cache

from contracts.sandbox import Language
from question_bank.bank import QuestionBank

RUN_TOKENS = 10  # shared normalised tokens in a row that count as pasted code
MIN_CODE_PUNCTUATION = 4  # of those, how many must be code punctuation (so plain prose never matches)
MIN_LINE_CHARS = 24  # a reference line this long, found verbatim, is a leak
MIN_HIDDEN_JSON_CHARS = 12  # shorter hidden values ("[]", "0") are too common to call a leak

KEYWORDS = frozenset(
    "def return for while if elif else in not and or is None True False class import from lambda yield "
    "function const let var new this null undefined true false int long double bool boolean void auto "
    "vector string String map unordered_map set List Map HashMap ArrayList public private static func "
    "package range len append push_back sort sorted break continue make nil struct".split()
)
CODE_PUNCTUATION = frozenset("()[]{};=<>+-*/%!&|:.,")
TOKEN = re.compile(r"[A-Za-z_][A-Za-z_0-9]*|\d+(?:\.\d+)?|==|!=|<=|>=|->|=>|&&|\|\||\+=|-=|\*=|//|\S")


def code_tokens(text: str) -> list[str]:
    """`text` as normalised tokens: identifiers → ID, numbers → NUM, keywords and symbols as they are."""
    tokens = []
    for token in TOKEN.findall(text):
        if token[0].isdigit():
            tokens.append("NUM")
        elif token[0].isalpha() or token[0] == "_":
            tokens.append(token if token in KEYWORDS else "ID")
        else:
            tokens.append(token)
    return tokens


def _is_code_like(window: tuple[str, ...]) -> bool:
    return sum(t in CODE_PUNCTUATION or len(t) == 2 and not t.isalpha() for t in window) >= MIN_CODE_PUNCTUATION


@dataclass(frozen=True)
class Reference:
    language: Language
    source: str
    windows: frozenset[tuple[str, ...]]
    lines: frozenset[str]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@cache
def references(bank: QuestionBank, question_id: str) -> tuple[Reference, ...]:
    found = []
    for language in Language:
        source = bank.reference_source(question_id, language)
        tokens = code_tokens(source)
        windows = frozenset(w for i in range(len(tokens) - RUN_TOKENS + 1)
                            if _is_code_like(w := tuple(tokens[i:i + RUN_TOKENS])))
        lines = frozenset(s for line in source.splitlines() if len(s := _squash(line)) >= MIN_LINE_CHARS)
        found.append(Reference(language, source, windows, lines))
    return tuple(found)


def solution_leak(bank: QuestionBank, question_id: str, text: str) -> str | None:
    """Why `text` gives away a reference solution, or None."""
    tokens = code_tokens(text)
    said = {tuple(tokens[i:i + RUN_TOKENS]) for i in range(len(tokens) - RUN_TOKENS + 1)}
    squashed = _squash(text)
    for reference in references(bank, question_id):
        if shared := said & reference.windows:
            return (f"{RUN_TOKENS}+ tokens of the {reference.language.value} reference "
                    f"({len(shared)} shared runs, identifiers normalised)")
        if line := next((line for line in reference.lines if line in squashed), None):
            return f"a line of the {reference.language.value} reference verbatim: {line[:50]!r}"
    return None


def hidden_values(bank: QuestionBank, question_id: str) -> list[tuple[str, str]]:
    """(test id, JSON text) of every hidden input or expected value specific enough to recognise."""
    question = bank.question(question_id)
    values = []
    for test in question.hidden_tests:
        for part in (*(test.input or {}).values(), test.expected):
            text = json.dumps(part, separators=(", ", ": "))
            if len(text) >= MIN_HIDDEN_JSON_CHARS:
                values.append((test.id, text))
    sample_texts = {json.dumps(p, separators=(", ", ": "))
                    for t in question.sample_tests for p in (*(t.input or {}).values(), t.expected)}
    return [(test_id, text) for test_id, text in values if text not in sample_texts]


def hidden_test_leak(bank: QuestionBank, question_id: str, text: str) -> str | None:
    squashed = _squash(text)
    for test_id, value in hidden_values(bank, question_id):
        if _squash(value) in squashed:
            return f"hidden test {test_id}'s data {value[:40]}"
    return None
