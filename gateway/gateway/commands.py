"""Browser events → bus commands. The gateway validates; agents decide."""

from pydantic import BaseModel

from contracts.bus import (
    CandidateMessageAction,
    CodeRunAction,
    CodeSnapshotAction,
    FeedbackRequested,
    StartAction,
    TurnRequested,
)
from contracts.events import (
    CodeSnapshot,
    Heartbeat,
    RequestFeedback,
    RunCode,
    SendMessage,
    SendVoice,
    SetVoice,
    StartInterview,
)
from contracts.topology import RoutingKey


def to_command(session_id: str, event) -> tuple[str, BaseModel] | None:
    """(routing key, command) for a client event, or None when the gateway answers it itself."""
    turn = lambda action: (  # noqa: E731 - reads better than four near-identical constructors
        RoutingKey.TURN_REQUESTED,
        TurnRequested(message_id=event.message_id, session_id=session_id, action=action),
    )
    match event:
        case StartInterview():
            return turn(StartAction())
        case SendMessage(payload=p):
            return turn(CandidateMessageAction(text=p.text))
        case SendVoice(payload=p):
            return turn(CandidateMessageAction(text=p.transcript, spoken=True, confidence=p.confidence))
        case RunCode(payload=p):
            return turn(CodeRunAction(code=p.code, language=p.language, mode=p.mode))
        case CodeSnapshot(payload=p):
            return turn(CodeSnapshotAction(code=p.code, language=p.language))
        case RequestFeedback(payload=p):
            return RoutingKey.FEEDBACK_REQUESTED, FeedbackRequested(
                message_id=event.message_id, session_id=session_id, code=p.code, language=p.language
            )
        case Heartbeat() | SetVoice():
            return None
    raise TypeError(f"unhandled client event {type(event).__name__}")
