"""Browser events → bus commands. The gateway validates; agents decide."""

import hashlib

from pydantic import BaseModel

from contracts.base import session_scoped_id, utc_now
from contracts.bus import (
    CandidateMessageAction,
    CodeRunAction,
    EndInterviewAction,
    FeedbackRequested,
    HintRequestAction,
    StartAction,
    TurnRequested,
    UtteranceAudio,
)
from contracts.events import (
    AudioChunk,
    AudioEnd,
    BargeIn,
    CodeSnapshot,
    EndInterview,
    Heartbeat,
    RequestFeedback,
    RequestHint,
    RunCode,
    SendMessage,
    SendVoice,
    SetVoice,
    StartInterview,
)
from contracts.topology import RoutingKey


def event_digest(event) -> str:
    """What a client event asks for, so a retry under the same id can be told from another event."""
    return hashlib.sha256(f"{event.type}:{event.payload.model_dump_json()}".encode()).hexdigest()


def to_command(session_id: str, event) -> tuple[str, BaseModel] | None:
    """(routing key, command) for a client event, or None when the gateway answers it itself."""
    turn = lambda action: (  # noqa: E731 - reads better than four near-identical constructors
        RoutingKey.TURN_REQUESTED,
        TurnRequested(message_id=session_scoped_id(session_id, event.message_id), session_id=session_id,
                      action=action),
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
        case RequestHint():
            return turn(HintRequestAction())
        case RequestFeedback(payload=p):
            return RoutingKey.FEEDBACK_REQUESTED, FeedbackRequested(
                message_id=session_scoped_id(session_id, event.message_id), session_id=session_id, code=p.code,
                language=p.language
            )
        case EndInterview():
            return turn(EndInterviewAction(reason="finished"))
        case Heartbeat() | SetVoice() | CodeSnapshot() | BargeIn() | AudioChunk() | AudioEnd():
            return None  # answered by the gateway; a snapshot is only recorded (see `websocket._record`)
    raise TypeError(f"unhandled client event {type(event).__name__}")


def utterance_audio(session_id: str, event: AudioChunk | AudioEnd, chunks_seen: dict[str, int]) -> UtteranceAudio:
    """The stt command for a microphone event. `chunks_seen` (per socket: utterance → chunks forwarded)
    lets `audio_end` say how many chunks the utterance has, so a replica can wait for late ones."""
    bus_id = session_scoped_id(session_id, f"{event.type}:{event.payload.utterance_id}:"
                                           f"{getattr(event.payload, 'seq', '')}")
    if isinstance(event, AudioEnd):
        return UtteranceAudio(message_id=bus_id, session_id=session_id, utterance_id=event.payload.utterance_id,
                              received_at=utc_now(), ended=True,
                              chunk_count=chunks_seen.pop(event.payload.utterance_id, None))
    p = event.payload
    chunks_seen[p.utterance_id] = max(chunks_seen.get(p.utterance_id, 0), p.seq + 1)
    if len(chunks_seen) > 64:  # utterances the client never ended: forget the oldest
        chunks_seen.pop(next(iter(chunks_seen)))
    return UtteranceAudio(message_id=bus_id, session_id=session_id, utterance_id=p.utterance_id, seq=p.seq,
                          pcm16_b64=p.pcm16, coding=p.coding, keep_audio=p.keep_audio, received_at=utc_now())
