"""Handling one candidate turn: record what the candidate did, let the interviewer answer, close the turn."""

import logging

from contracts.bus import CandidateMessageAction, CodeRunAction, CodeSnapshotAction, TurnRequested
from persistence.models import InterviewSession
from persistence.store import UnknownSession
from runtime.worker import WorkerRuntime

from .offline import OfflineInterviewer
from .tools import InterviewTools
from .turn import TurnOutput

log = logging.getLogger("interviewer-agent")


class TurnHandler:
    def __init__(self, runtime: WorkerRuntime, interviewer: OfflineInterviewer, tools: InterviewTools):
        self.runtime = runtime
        self.interviewer = interviewer
        self.tools = tools

    async def handle(self, command: TurnRequested) -> None:
        store = self.runtime.store
        try:
            session = await store.get_session(command.session_id)
        except UnknownSession:
            log.warning("turn %s for unknown session %s dropped", command.turn_id, command.session_id)
            return
        log.info("taking turn %s (%s) of session %s", command.turn_id, command.action.kind, session.id)
        await self._record_candidate_input(session, command)
        if isinstance(command.action, CodeSnapshotAction):
            return
        out = TurnOutput(
            session_id=session.id, turn_id=command.turn_id, events=self.runtime.events,
            broker=self.runtime.broker, store=store,
        )
        await out.thinking()
        await self.interviewer.respond(session, command.action, out)
        await out.finish()

    async def _record_candidate_input(self, session: InterviewSession, command: TurnRequested) -> None:
        store = self.runtime.store
        match command.action:
            case CandidateMessageAction(text=text, spoken=spoken):
                await store.add_message(session.id, "candidate", text, spoken=spoken, turn_id=command.turn_id)
            case CodeSnapshotAction(code=code, language=language) | CodeRunAction(code=code, language=language):
                state = {**session.agent_state, "latest_code": code, "latest_language": language.value}
                await store.update_session(session.id, agent_state=state)
                session.agent_state = state
