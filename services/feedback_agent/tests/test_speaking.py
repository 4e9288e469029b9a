"""Speaking analytics from a session's event log: word timings of final transcripts, the interviewer's
audio play time. Fast: plain events, no store."""

from datetime import UTC, datetime, timedelta

from contracts.events import ServerEvent, ServerEventType
from feedback_agent.speaking import speaking_analytics

START = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def final(at_s: float, words: list[tuple[str, int, int]]) -> ServerEvent:
    return ServerEvent(session_id="s", type=ServerEventType.TRANSCRIPT_FINAL, payload={
        "utterance_id": f"u{at_s}", "text": " ".join(w for w, _, _ in words),
        "started_at": (START + timedelta(seconds=at_s)).isoformat(), "duration_ms": words[-1][2],
        "words": [{"word": w, "start_ms": s, "end_ms": e} for w, s, e in words]})


def voice(duration_ms: int) -> ServerEvent:
    return ServerEvent(session_id="s", type=ServerEventType.VOICE_AUDIO, payload={
        "turn_id": "t", "index": 0, "format": "mp3", "audio_b64": "", "text": "x", "duration_ms": duration_ms})


def timed(text: str, start_ms: int = 0, step_ms: int = 400, gaps: dict[int, int] | None = None):
    """Words every `step_ms` (300 ms long), with extra silence before the word at each index in `gaps`."""
    words, at = [], start_ms
    for i, word in enumerate(text.split()):
        at += (gaps or {}).get(i, 0)
        words.append((word, at, at + 300))
        at += step_ms
    return words


def test_nothing_spoken_is_none():
    assert speaking_analytics([voice(3000)], START) is None


def test_pace_fillers_pauses_and_talk_share_from_the_timings():
    first = timed("So, um, I think we could use a hash map here", gaps={4: 2000})  # 2 s pause before "we"
    second = timed("I would like to sort it first and, like, scan once")
    events = [voice(6000), final(10, first), voice(4000), final(30, second)]
    result = speaking_analytics(events, START)
    spoken_ms = (first[-1][2] - first[0][1]) + (second[-1][2] - second[0][1])
    assert result.words_per_minute == round(22 / (spoken_ms / 60_000), 1)
    # "So," opens the first; "um" always; "like," set off by commas; "I would like to" is not a filler
    assert result.filler_counts == {"so": 1, "um": 1, "like": 1}
    assert result.fillers_per_minute == round(3 / (spoken_ms / 60_000), 2)
    assert result.longest_pause_s == 2.1  # 100 ms between words + 2 000 ms
    assert result.candidate_talk_share == round(spoken_ms / (spoken_ms + 10_000), 3)
    kinds = [(m.kind, m.at_ms) for m in result.moments]
    assert ("filler", 10_000) in kinds and ("filler", 10_400) in kinds  # at their time in the interview
    assert ("pause", 10_000 + 3 * 400 + 300) in kinds
    assert [m.at_ms for m in result.moments] == sorted(m.at_ms for m in result.moments)


def test_fast_and_slow_utterances_are_moments():
    fast = timed("one two three four five six seven eight nine ten", step_ms=250)  # 240 words/min
    slow = timed("one two three four five six seven eight nine ten", start_ms=0, step_ms=800)
    result = speaking_analytics([final(5, fast), final(60, slow)], START)
    assert [m.kind for m in result.moments] == ["fast", "slow"]
    assert result.candidate_talk_share == 1.0
