"""The interview-session aggregate: one session's state and the rules for changing it, each change
raising the server event the browser must see because of it.

    handler ─▶ uow.interviews.get(id) / attach(row) ─▶ interview.move_to(phase) … ─▶ uow.commit()
                                                          │ changes fields, raises events, keeps rows
    the unit of work writes the fields, the rows, the events and their outbox entries in one transaction

Nothing here touches the database or the bus: the unit of work does (see `unit_of_work`).
"""

from typing import Any

from pydantic import BaseModel

from contracts.base import utc_now
from contracts.events import (
    CodeResultPayload,
    EndReason,
    FeedbackResultPayload,
    HintGivenPayload,
    InterviewEndedPayload,
    Phase,
    PhaseChangePayload,
    ProblemPresentedPayload,
    ServerEvent,
    ServerEventType,
    server_event,
)

from .models import CodeSubmission, FeedbackReport, InterviewSession

ENDED_BY_KEY = "ended_by_turn"  # agent_state: the turn that ended the interview


class Interview:
    """Wraps the session row the handler works with; the row stays the one truth in memory."""

    def __init__(self, row: InterviewSession):
        self.row = row
        self.changed: set[str] = set()  # the row's fields to write
        self.events: list[ServerEvent] = []  # raised, in order, to log and publish after the commit
        self.kept: list[CodeSubmission | FeedbackReport] = []  # the session's own rows to keep with it

    @property
    def id(self) -> str:
        return self.row.id

    @property
    def phase(self) -> Phase | None:
        return Phase(self.row.phase) if self.row.phase else None

    def move_to(self, phase: Phase) -> bool:
        before = self.phase
        if before == phase:
            return False
        self._set(phase=phase.value)
        self._raise(ServerEventType.AGENT_PHASE_CHANGE, PhaseChangePayload(from_phase=before, to_phase=phase))
        return True

    def present_problem(self, problem: ProblemPresentedPayload) -> None:
        """A new problem: its hints start again; the session remembers it was seen."""
        seen = self.row.agent_state.get("seen_questions", [])
        self._set(question_id=problem.question_id, hint_level=0,
                  agent_state={**self.row.agent_state, "seen_questions": [*seen, problem.question_id]})
        self._raise(ServerEventType.PROBLEM_PRESENTED, problem)

    def give_hint(self, max_level: int) -> int | None:
        """The next hint level, or None when there is no problem yet or every hint is used."""
        if self.row.question_id is None or self.row.hint_level >= max_level:
            return None
        level = self.row.hint_level + 1
        self._set(hint_level=level)
        self._raise(ServerEventType.HINT_GIVEN, HintGivenPayload(level=level, hints_used=level, max_level=max_level))
        return level

    def end(self, reason: EndReason, *, by_turn: str | None = None) -> bool:
        """End the interview; False (and nothing raised) if it had ended already: it ends once. Correct only
        on a row read in the unit of work (`uow.interviews.get`), which holds the session's lock."""
        if self.row.ended_at is not None:
            return False
        now = utc_now()
        state = {**self.row.agent_state, ENDED_BY_KEY: by_turn} if by_turn else self.row.agent_state
        self._set(ended_at=now, end_reason=reason, status="ended", agent_state=state)
        self._raise(ServerEventType.INTERVIEW_ENDED, InterviewEndedPayload(reason=reason, ended_at=now))
        return True

    def record_run(self, run: CodeSubmission, result: CodeResultPayload) -> None:
        self.kept.append(run)
        self._raise(ServerEventType.CODE_RESULT, result)

    def keep_feedback(self, report: FeedbackReport, result: FeedbackResultPayload) -> None:
        self.kept.append(report)
        self._raise(ServerEventType.FEEDBACK_RESULT, result)

    def say(self, event_type: ServerEventType, payload: BaseModel | None = None) -> None:
        """An event that follows no field of the session (a turn's end, say), committed with the rest."""
        self._raise(event_type, payload)

    def written(self) -> None:
        """Committed: nothing is pending any more."""
        self.changed.clear()
        self.events.clear()
        self.kept.clear()

    def _set(self, **fields: Any) -> None:
        for name, value in fields.items():
            setattr(self.row, name, value)
        self.changed.update(fields)

    def _raise(self, event_type: ServerEventType, payload: BaseModel | None) -> None:
        self.events.append(server_event(self.row.id, event_type, payload))
