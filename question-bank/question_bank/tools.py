"""The interviewer agent's question tools, as pure functions over a QuestionBank.

Results are JSON-able dicts meant for the model (tool results). `get_question` returns the public
view (safe to forward to the browser) plus interviewer-only notes; hidden tests, hints and
reference solutions are never part of it. Recording the hint level on the session is the
interviewer service's job.
"""

from collections.abc import Iterable
from typing import Any

from contracts.events import Difficulty
from contracts.questions import Topic

from .bank import MAX_HINT_LEVEL, NoQuestionAvailable, QuestionBank


def get_question(
    bank: QuestionBank,
    difficulty: str,
    topic: str | None = None,
    exclude_ids: Iterable[str] = (),
    seed: str = "",
) -> dict[str, Any]:
    """Pick an unseen problem. A topic with nothing unseen falls back to any topic (said so in
    `topic_matched`), so the interview never stalls on an over-specific request."""
    try:
        difficulty = Difficulty(difficulty).value
        topic = Topic(topic).value if topic else None
    except ValueError as exc:
        return {"error": str(exc)}
    exclude_ids = list(exclude_ids)
    topic_matched = topic is not None
    try:
        question = bank.pick(difficulty, topic, exclude_ids, seed=seed)
    except NoQuestionAvailable:
        if topic is None:
            return {"error": f"no unseen {difficulty} question left in the bank"}
        try:
            question = bank.pick(difficulty, None, exclude_ids, seed=seed)
        except NoQuestionAvailable:
            return {"error": f"no unseen {difficulty} question left in the bank"}
        topic_matched = False
    return {
        "question": bank.public_view(question.id),
        "topic_matched": topic_matched,
        "interviewer_notes": {
            "expected_complexity": question.complexity.model_dump(),
            "pitfalls": list(question.pitfalls),
            "follow_ups": list(question.follow_ups),
            "faq": [f.model_dump() for f in question.faq],
            "hint_levels": MAX_HINT_LEVEL,
        },
    }


def get_hint(bank: QuestionBank, question_id: str, level: int) -> dict[str, Any]:
    """The hint of `level` (1 nudge, 2 approach, 3 near-solution); beyond 3 repeats the last one."""
    try:
        bank.question(question_id)
    except KeyError as exc:
        return {"error": str(exc.args[0])}
    if level < 1:
        return {"error": f"hint level must be at least 1, got {level}"}
    effective = min(level, MAX_HINT_LEVEL)
    return {
        "question_id": question_id,
        "level": effective,
        "hint": bank.hint(question_id, effective),
        "is_last": effective == MAX_HINT_LEVEL,
    }
