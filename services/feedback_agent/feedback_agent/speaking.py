"""How the candidate spoke, measured from the session's event log: the word timings of every
`transcript_final` (the stt service's recognition of their microphone) and the play time of every
`voice_audio` (the interviewer's talk). Nothing is estimated: with no final transcript there are no
analytics (None).

- words per minute: words over the time the candidate was actually speaking (first to last word of each
  utterance, summed);
- fillers: "um", "uh", "erm", "hmm" and "you know" always; "like", "so", "basically", "actually", "I mean"
  only when set off by a comma or a pause (≥ 300 ms) or, for "so", opening the utterance — "I'd like to…"
  and "so that…" are not fillers;
- longest pause: the longest silence between two words inside an utterance;
- talk share: the candidate's speaking time over the candidate's and the interviewer's together.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from contracts.events import ServerEvent, ServerEventType, SpeakingAnalytics, SpeakingMoment

ALWAYS_FILLERS = {"um", "umm", "uh", "uhh", "erm", "er", "hmm", "mm"}
SOMETIMES_FILLERS = {"like", "so", "basically", "actually", "literally"}
FILLER_PHRASES = {("you", "know"), ("i", "mean")}
SET_OFF_PAUSE_MS = 300
NOTABLE_PAUSE_MS = 1500  # a pause inside an utterance worth pointing at
FAST_WPM, SLOW_WPM = 180, 100  # per utterance (of 8 words or more): faster or slower than is easy to follow
MAX_MOMENTS = 40


@dataclass(frozen=True)
class TimedWord:
    raw: str  # as recognised, with its punctuation
    plain: str  # lower case, no punctuation
    start_ms: int  # from the start of the interview
    end_ms: int


def _plain(word: str) -> str:
    return re.sub(r"[^\w'-]", "", word.lower())


def _utterances(events: list[ServerEvent], interview_start: datetime) -> list[list[TimedWord]]:
    utterances = []
    for event in events:
        if event.type is not ServerEventType.TRANSCRIPT_FINAL or not event.payload.get("words"):
            continue
        offset_ms = round((_aware(datetime.fromisoformat(event.payload["started_at"])) - interview_start)
                          .total_seconds() * 1000)
        utterances.append([TimedWord(w["word"], _plain(w["word"]), offset_ms + w["start_ms"], offset_ms + w["end_ms"])
                           for w in event.payload["words"] if _plain(w["word"])])
    return [u for u in utterances if u]


def _fillers(words: list[TimedWord]) -> list[tuple[str, TimedWord]]:
    found = []
    for i, word in enumerate(words):
        before = words[i - 1] if i else None
        after = words[i + 1] if i + 1 < len(words) else None
        pair = (word.plain, after.plain) if after else None
        if word.plain in ALWAYS_FILLERS:
            found.append((word.plain, word))
        elif pair in FILLER_PHRASES and (pair != ("i", "mean") or after.raw.endswith(",")):
            found.append((" ".join(pair), word))
        elif word.plain in SOMETIMES_FILLERS:
            comma = word.raw.endswith(",") or (before is not None and before.raw.endswith(","))
            paused = (before is not None and word.start_ms - before.end_ms >= SET_OFF_PAUSE_MS) or \
                     (after is not None and after.start_ms - word.end_ms >= SET_OFF_PAUSE_MS)
            opening = before is None and word.plain == "so"
            if comma or paused or opening:
                found.append((word.plain, word))
    return found


def _context(words: list[TimedWord], index: int) -> str:
    return " ".join(w.raw for w in words[max(0, index - 4): index + 5])


def speaking_analytics(events: list[ServerEvent], interview_start: datetime) -> SpeakingAnalytics | None:
    interview_start = _aware(interview_start)
    utterances = _utterances(events, interview_start)
    if not utterances:
        return None
    speaking_ms = sum(u[-1].end_ms - u[0].start_ms for u in utterances)
    minutes = max(speaking_ms, 1) / 60_000
    moments: list[SpeakingMoment] = []
    filler_counts: dict[str, int] = {}
    longest_pause_ms = 0
    for words in utterances:
        for name, word in _fillers(words):
            filler_counts[name] = filler_counts.get(name, 0) + 1
            moments.append(SpeakingMoment(at_ms=word.start_ms, kind="filler",
                                          text=f"“{name}” in “{_context(words, words.index(word))}”"))
        for i, (before, after) in enumerate(zip(words, words[1:])):
            pause_ms = after.start_ms - before.end_ms
            longest_pause_ms = max(longest_pause_ms, pause_ms)
            if pause_ms >= NOTABLE_PAUSE_MS:
                moments.append(SpeakingMoment(at_ms=before.end_ms, kind="pause",
                                              text=f"{pause_ms / 1000:.1f} s pause after “{_context(words, i)}”"))
        moments.extend(_pace_moment(words))
    interviewer_ms = sum(e.payload.get("duration_ms") or 0 for e in events if e.type is ServerEventType.VOICE_AUDIO)
    moments.sort(key=lambda m: m.at_ms)
    return SpeakingAnalytics(
        words_per_minute=round(sum(len(u) for u in utterances) / minutes, 1),
        fillers_per_minute=round(sum(filler_counts.values()) / minutes, 2),
        filler_counts=filler_counts,
        longest_pause_s=round(longest_pause_ms / 1000, 2),
        candidate_talk_share=round(speaking_ms / (speaking_ms + interviewer_ms), 3),
        moments=moments[:MAX_MOMENTS],
    )


def _pace_moment(words: list[TimedWord]) -> list[SpeakingMoment]:
    if len(words) < 8:
        return []
    wpm = len(words) / max(words[-1].end_ms - words[0].start_ms, 1) * 60_000
    quote = " ".join(w.raw for w in words[:8]) + "…"
    if wpm > FAST_WPM:
        return [SpeakingMoment(at_ms=words[0].start_ms, kind="fast", text=f"{wpm:.0f} words/min: “{quote}”")]
    if wpm < SLOW_WPM:
        return [SpeakingMoment(at_ms=words[0].start_ms, kind="slow", text=f"{wpm:.0f} words/min: “{quote}”")]
    return []


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
