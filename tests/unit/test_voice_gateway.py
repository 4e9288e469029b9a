"""The gateway's side of voice, without a broker: microphone events become stt commands (with the chunk
count `audio_end` needs), and a barge-in stops the playing reply's audio on that socket only."""

import base64
import json

from starlette.websockets import WebSocketState

from contracts.events import AudioChunk, AudioEnd, ServerEvent, ServerEventType
from gateway.commands import utterance_audio
from gateway.hub import ClientConnection

PCM = base64.b64encode(bytes(3200)).decode()  # 100 ms of silence


def chunk(seq: int, utterance_id: str = "u1") -> AudioChunk:
    return AudioChunk(type="audio_chunk", payload={"utterance_id": utterance_id, "seq": seq, "pcm16": PCM})


def test_chunks_and_end_become_utterance_audio_with_the_count_of_chunks_forwarded():
    seen: dict[str, int] = {}
    first = utterance_audio("s1", chunk(0), seen)
    utterance_audio("s1", chunk(1), seen)
    end = utterance_audio("s1", AudioEnd(type="audio_end", payload={"utterance_id": "u1"}), seen)
    assert (first.seq, first.pcm16_b64, first.ended) == (0, PCM, False)
    assert (end.ended, end.chunk_count) == (True, 2)
    assert seen == {}  # forgotten once ended
    # the bus id is the same for a retried chunk and differs between sessions
    assert utterance_audio("s1", chunk(0), {}).message_id == first.message_id
    assert utterance_audio("s2", chunk(0), {}).message_id != first.message_id


class FakeSocket:
    application_state = WebSocketState.CONNECTED

    def __init__(self):
        self.sent: list[dict] = []

    async def send_text(self, text: str) -> None:
        self.sent.append(json.loads(text))


def voice(seq: int, turn_id: str, index: int) -> ServerEvent:
    return ServerEvent(session_id="s1", seq=seq, type=ServerEventType.VOICE_AUDIO,
                       payload={"turn_id": turn_id, "index": index, "format": "mp3", "audio_b64": "", "text": "x"})


async def test_barge_in_drops_the_rest_of_the_playing_reply_but_not_the_next_one():
    socket = FakeSocket()
    connection = ClientConnection(socket, "s1", store=None, last_seq=0)
    await connection._send_in_order(voice(1, "t1", 0))
    connection.cut_voice()
    await connection._send_in_order(voice(2, "t1", 1))
    await connection._send_in_order(voice(3, "t2", 0))
    assert [(e["payload"]["turn_id"], e["payload"]["index"]) for e in socket.sent] == [("t1", 0), ("t2", 0)]
    assert connection.next_seq == 4  # the dropped event still counts as delivered: no gap to fill


def thinking(seq: int, turn_id: str, status: str) -> ServerEvent:
    return ServerEvent(session_id="s1", seq=seq, type=ServerEventType.AGENT_THINKING,
                       payload={"turn_id": turn_id, "status": status})


async def test_barge_in_names_the_turn_still_being_written_as_well_as_the_playing_one():
    """The interviewer yields the turn it is writing: the gateway names it in the cut even before any of
    its audio was sent, and a finished turn is not named again."""
    connection = ClientConnection(FakeSocket(), "s1", store=None, last_seq=0)
    assert connection.cut_voice() == []
    await connection._send_in_order(voice(1, "t1", 0))
    await connection._send_in_order(thinking(2, "t1", "done"))
    await connection._send_in_order(thinking(3, "t2", "thinking"))
    assert connection.cut_voice() == ["t1", "t2"]
    await connection._send_in_order(thinking(4, "t2", "done"))
    assert connection.cut_voice() == ["t1"]


def test_the_candidates_opt_in_to_keeping_their_voice_reaches_the_stt_service():
    kept = AudioChunk(type="audio_chunk", payload={"utterance_id": "u1", "seq": 0, "pcm16": PCM, "keep_audio": True})
    assert utterance_audio("s1", kept, {}).keep_audio is True
    assert utterance_audio("s1", chunk(0), {}).keep_audio is False  # off unless the candidate opts in
