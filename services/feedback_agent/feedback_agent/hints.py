"""Which hints the candidate used, read from the record rather than from a counter.

The session's `hint_level` says how far down the ladder the interviewer went, not who wanted it. The
transcript says both: each interviewer turn keeps its exact tool uses and results (`extra.converse`),
and the input that started the turn carries the same `turn_id` — the candidate's message, the hint
button (`request_hint`), or a silence check. A hint counts against the candidate only when the turn
was theirs: they asked, pressed the button, or answered an offer ("Would a hint help?" — "yes").
A hint the interviewer gave on its own after a silence is recorded but never counted.
"""

from datetime import UTC, datetime
from typing import Any

from contracts.reports import HintUse
from persistence.models import TranscriptMessage

UNASKED_INPUTS = {"silence_check", "session_watch", "end_interview"}  # turns the candidate did not start


def hints_given(rows: list[TranscriptMessage]) -> list[HintUse]:
    """Every hint given, oldest first, with the candidate's request quoted when they asked."""
    inputs = {row.extra.get("turn_id"): row for row in rows
              if row.role in ("candidate", "action") and row.extra.get("turn_id")}
    hints = []
    for row in rows:
        if row.role not in ("interviewer", "tool"):
            continue
        for level in _hint_levels(row.extra.get("converse") or []):
            started_by = inputs.get(row.extra.get("turn_id"))
            asked = started_by is not None and started_by.extra.get("action") not in UNASKED_INPUTS
            request = started_by.content if asked and started_by.role == "candidate" else None
            hints.append(HintUse(level=level, at=_aware(row.created_at), asked=asked, request=request))
    return hints


def counted(hints: list[HintUse]) -> list[HintUse]:
    return [h for h in hints if h.asked]


def _hint_levels(converse: list[dict[str, Any]] | dict[str, Any]) -> list[int]:
    """Levels of the `get_hint` results in one turn's Converse messages (exhausted ladders give none)."""
    messages = converse if isinstance(converse, list) else [converse]
    names = {block["toolUse"]["toolUseId"]: block["toolUse"]["name"]
             for message in messages for block in message.get("content", []) if "toolUse" in block}
    levels = []
    for message in messages:
        for block in message.get("content", []):
            result = block.get("toolResult")
            if not result or names.get(result.get("toolUseId")) != "get_hint":
                continue
            payload = next((c["json"] for c in result.get("content", []) if "json" in c), {})
            if payload.get("hint") and isinstance(payload.get("level"), int):
                levels.append(payload["level"])
    return levels


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
