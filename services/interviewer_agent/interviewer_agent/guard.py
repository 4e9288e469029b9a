"""The solution guard: before hint level 3, the interviewer may not paste the reference solution.

A model can be talked into anything, so every piece of text is checked on its way to the candidate:
if it carries a good share of the reference solution's distinctive lines, it is replaced.
"""

from collections.abc import Callable

FINAL_HINT_LEVEL = 3
MIN_MATCHING_LINES = 3
MIN_SHARE = 0.5
WITHHELD = "I'd rather not show you a full solution; let's work it out together. Which part is unclear?"


def _distinctive_lines(source: str) -> set[str]:
    """Lines that say something about the algorithm: not blank, not comments, not a bare brace or keyword."""
    lines = set()
    for raw in source.splitlines():
        line = " ".join(raw.split())
        if len(line) < 8 or line.startswith(("#", "//", "/*", "*", "import ", "from ", "package ", "using ")):
            continue
        lines.add(line)
    return lines


class SolutionGuard:
    def __init__(self, references: list[str], hint_level: Callable[[], int]):
        self._reference_lines = [lines for lines in map(_distinctive_lines, references) if lines]
        self._hint_level = hint_level

    def reveals_solution(self, text: str) -> bool:
        said = {" ".join(line.split()) for line in text.splitlines()}
        said_flat = " ".join(text.split())
        for lines in self._reference_lines:
            matching = sum(1 for line in lines if line in said or line in said_flat)
            if matching >= MIN_MATCHING_LINES and matching >= MIN_SHARE * len(lines):
                return True
        return False

    def check(self, text: str) -> str:
        if self._hint_level() >= FINAL_HINT_LEVEL or not self.reveals_solution(text):
            return text
        return WITHHELD
