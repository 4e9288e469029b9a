"""What the guard tests share: a guard over every language's reference of a problem, and a prose walkthrough
that spells out `rain_between_dunes`' reference sentence by sentence."""

from contracts.sandbox import Language
from interviewer_agent.guard import SolutionGuard
from question_bank.bank import default_bank

BANK = default_bank()


def references(question_id: str, languages=tuple(Language)) -> list[str]:
    return [BANK.reference_source(question_id, language) for language in languages]


def guard_for(question_id: str, level: int = 0, languages=tuple(Language)) -> SolutionGuard:
    return SolutionGuard(references(question_id, languages), hint_level=lambda: level)


WALKTHROUGH = [
    "Keep two indexes, lo at 0 and hi at the last dune, and a water total of 0.",
    "While lo is less than hi, if dunes[lo] is less than dunes[hi], set left_max to max(left_max, dunes[lo]).",
    "Then add left_max minus dunes[lo] to water with water += left_max - dunes[lo], and lo += 1.",
    "Otherwise set right_max = max(right_max, dunes[hi]), water += right_max - dunes[hi], and hi -= 1.",
    "When they meet, return water.",
]
