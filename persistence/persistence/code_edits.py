"""How a code snapshot is kept: the lines that changed since the previous one.

A candidate types for half an hour and the editor is snapshotted every few seconds; most snapshots
change one line. Keeping each as whole text would store the file hundreds of times, so the log keeps
the line edits (`difflib`'s opcodes without the equal runs) and the timeline replays them in order.
"""

from difflib import SequenceMatcher

from contracts.events import CodeEdit


def edits_between(before: str, after: str) -> list[CodeEdit]:
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    return [(i1, i2, "".join(new[j1:j2])) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def apply_edits(before: str, edits: list[CodeEdit]) -> str:
    lines = before.splitlines(keepends=True)
    for start, end, text in reversed(edits):  # later edits first, so earlier line numbers still hold
        lines[start:end] = text.splitlines(keepends=True)
    return "".join(lines)
