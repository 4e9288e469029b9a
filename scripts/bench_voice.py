"""`make bench-voice`: how soon the interviewer answers a candidate who speaks.

A scripted candidate says prepared sentences (synthesised once by Piper into WAV files under
var/bench-voice/, 16 kHz mono as a microphone captures them) over the interview's WebSocket exactly as a
browser does: 200 ms `audio_chunk`s in real time, the microphone staying on (quiet room noise) after the
speech until the final transcript. Two stacks on loopback, each in its own RabbitMQ vhost and database:
the offline interviewer, and an interviewer over the OpenAI-compatible API answered by a stand-in model
paced like a real one (first token after 350 ms, then 60 tokens/s). Per turn, at the client:

- stt_final: end of the candidate's speech → `transcript_final`
- speech_to_audio: end of speech → the first `voice_audio` of the interviewer's reply
- tts_first_audio: the reply's first sentence complete (`interviewer_msg` delta) → its audio
- (printed as a stage, not a last line) transcript_final → the reply's first `interviewer_msg` delta
- WER: the final transcripts against the scripts (word-level edit distance)

Last lines: stt_final_p50_ms, speech_to_audio_p50_ms, speech_to_audio_p99_ms (offline interviewer),
speech_to_audio_paced_p50_ms, tts_first_audio_ms, stt_wer.
"""

import argparse
import asyncio
import contextlib
import os
import re
import statistics
import subprocess
import tempfile
import uuid
import wave
from dataclasses import dataclass, field
from pathlib import Path

from gateway.client import InterviewClient
from interviewer_eval.fake_openai import FakeChatServer, scripted_interviewer
from runtime.local_stack import LocalStack, free_port
from runtime.percentiles import percentile, print_figures

ROOT = Path(__file__).resolve().parents[1]
WAV_DIR = ROOT / "var" / "bench-voice"
TURNS_PER_SESSION = 8  # within the per-session message budget
SCRIPTS = [
    "Can I assume the input array always has at least two numbers?",
    "Are the numbers in the array sorted, or could they be in any order?",
    "I think the brute force approach checks every pair, which is quadratic.",
    "A better idea is to remember each number we have seen in a hash map.",
    "For every element I look up the difference between the target and that element.",
    "If the difference is already in the map, we return both indices.",
    "That gives us linear time and linear extra space.",
    "What should the function return when no pair adds up to the target?",
    "Could the same element be used twice in one answer?",
    "Let me write the loop first and then handle the edge cases.",
    "I am going to run the sample tests now.",
    "The second test fails because I returned the indices in the wrong order.",
    "Okay, I swapped them and all the sample tests pass.",
    "Another option would be to sort the array and use two pointers.",
    "Sorting costs n log n time, so the hash map is faster here.",
    "How large can the input get in the hidden tests?",
    "Negative numbers should work the same way with this approach.",
    "I think I am ready to submit my solution.",
    "Is there anything you would like me to improve in the code?",
    "I could rename this variable so the intent is clearer.",
    "Would it help to add a comment explaining the invariant?",
    "Thank you, that was a helpful discussion about the trade offs.",
]


def rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=60)


def prepared_wavs() -> list[tuple[str, bytes]]:
    """(script, 16 kHz mono int16 PCM) for every script, synthesised by Piper once and kept as WAV."""
    from tts.piper import microphone_pcm

    WAV_DIR.mkdir(parents=True, exist_ok=True)
    prepared = []
    for number, text in enumerate(SCRIPTS):
        path = WAV_DIR / f"{number:02d}.wav"
        if not path.exists():
            with wave.open(str(path), "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(16_000)
                wav.writeframes(microphone_pcm(text))
        with wave.open(str(path)) as wav:
            prepared.append((text, wav.readframes(wav.getnframes())))
    return prepared


def words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9' ]", " ", text.lower().replace("-", " ")).split()


def edit_distance(reference: list[str], hypothesis: list[str]) -> int:
    previous = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, 1):
        current = [i]
        for j, hyp in enumerate(hypothesis, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref != hyp)))
        previous = current
    return previous[-1]


@dataclass
class Figures:
    stt_final_ms: list[float] = field(default_factory=list)
    speech_to_audio_ms: list[float] = field(default_factory=list)
    tts_first_audio_ms: list[float] = field(default_factory=list)
    final_to_reply_ms: list[float] = field(default_factory=list)  # transcript_final → the reply's first delta
    errors: int = 0
    reference_words: int = 0


async def one_turn(client: InterviewClient, utterance_id: str, text: str, pcm: bytes, figures: Figures) -> None:
    mark = len(client.events)

    def final_arrived() -> bool:
        return any(e["type"] == "transcript_final" and e["payload"]["utterance_id"] == utterance_id
                   for e in client.events[mark:])

    speech_end = await client.stream_speech(pcm, utterance_id=utterance_id, until=final_arrived)
    final = await client.wait_for(lambda e: e["type"] == "transcript_final"
                                  and e["payload"]["utterance_id"] == utterance_id, after=mark, timeout=60)
    figures.stt_final_ms.append((client.arrival_of(final) - speech_end) * 1000)
    figures.errors += edit_distance(words(text), words(final["payload"]["text"]))
    figures.reference_words += len(words(text))
    if final["payload"]["backchannel"] or not final["payload"]["text"]:
        return
    after_final = client.events.index(final)
    first = await client.wait_for(lambda e: e["type"] == "interviewer_msg" and e["payload"]["kind"] == "delta",
                                  after=after_final, timeout=90)
    turn_id = first["payload"]["turn_id"]
    figures.final_to_reply_ms.append((client.arrival_of(first) - client.arrival_of(final)) * 1000)
    audio = await client.wait_for(lambda e: e["type"] == "voice_audio" and e["payload"]["turn_id"] == turn_id,
                                  after=after_final, timeout=90)
    figures.speech_to_audio_ms.append((client.arrival_of(audio) - speech_end) * 1000)
    if audio["payload"]["index"] == 0:
        figures.tts_first_audio_ms.append((client.arrival_of(audio) - client.arrival_of(first)) * 1000)
    await client.wait_turn_complete(after=after_final, timeout=90)
    await _until_reply_voiced(client, turn_id)


async def _until_reply_voiced(client: InterviewClient, turn_id: str, timeout_s: float = 30) -> None:
    """The candidate waits for the interviewer to finish speaking before the next sentence."""
    def count(kind: str) -> int:
        return sum(1 for e in client.events if e["type"] == kind and e["payload"].get("turn_id") == turn_id
                   and (kind != "interviewer_msg" or e["payload"]["kind"] == "delta"))
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(timeout_s):
            while count("voice_audio") < count("interviewer_msg"):
                await asyncio.sleep(0.2)
    await asyncio.sleep(0.5)


async def run_stack(name: str, env: dict[str, str], prepared: list[tuple[str, bytes]]) -> Figures:
    vhost = f"mockmind-bench-voice-{uuid.uuid4().hex[:8]}"
    rabbitmqctl("add_vhost", vhost)
    rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
    directory = tempfile.mkdtemp(prefix="mockmind-bench-voice-")
    stack = LocalStack(env={"RABBITMQ_URL": f"amqp://guest:guest@localhost:5672/{vhost}",
                            "DATABASE_URL": f"sqlite+aiosqlite:///{directory}/bench.db", "LOG_LEVEL": "WARNING",
                            "SILENCE_CHECKIN_S": "600", **env},
                       gateway_ports=[free_port()], replicas={"sandbox-worker": 1}, echo=False)
    figures = Figures()
    try:
        await stack.start(timeout_s=240)
        for start in range(0, len(prepared), TURNS_PER_SESSION):
            client = await InterviewClient.create(stack.urls[0])
            await client.connect()
            await client.send("start_interview")
            await client.wait_turn_complete(after=0, timeout=120)
            for number, (text, pcm) in enumerate(prepared[start:start + TURNS_PER_SESSION], start):
                await one_turn(client, f"bench-{number}", text, pcm, figures)
                print(f"  {name} turn {number + 1}/{len(prepared)}: stt_final {figures.stt_final_ms[-1]:.0f} ms"
                      + (f", speech_to_audio {figures.speech_to_audio_ms[-1]:.0f} ms"
                         if len(figures.speech_to_audio_ms) == number + 1 else ""), flush=True)
            await client.close()
    finally:
        await stack.stop()
        rabbitmqctl("delete_vhost", vhost)
    return figures


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=len(SCRIPTS), help="utterances per stack (at least 20)")
    args = parser.parse_args()
    prepared = prepared_wavs()[:args.turns]
    print(f"{len(prepared)} prepared utterances in {WAV_DIR}; load average {os.getloadavg()[0]:.1f}", flush=True)
    offline = await run_stack("offline", {"LLM_PROVIDER": "offline"}, prepared)
    model = await FakeChatServer(scripted_interviewer, first_token_ms=350, tokens_per_s=60).start()
    try:
        paced = await run_stack("paced", {"LLM_PROVIDER": "openai", "OPENAI_BASE_URL": model.url,
                                          "OPENAI_MODEL": "paced-stand-in"}, prepared)
    finally:
        await model.stop()
    heard = Figures(stt_final_ms=offline.stt_final_ms + paced.stt_final_ms, errors=offline.errors + paced.errors,
                    reference_words=offline.reference_words + paced.reference_words)
    tts = offline.tts_first_audio_ms + paced.tts_first_audio_ms
    print(f"turns: {len(offline.stt_final_ms)} offline, {len(paced.stt_final_ms)} paced; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"stt_final p90 {percentile(heard.stt_final_ms, 0.9):.0f} ms; speech_to_audio offline p90 "
          f"{percentile(offline.speech_to_audio_ms, 0.9):.0f} ms; paced p99 {percentile(paced.speech_to_audio_ms, 0.99):.0f} ms")
    print(f"stages p50: speech end → final {statistics.median(heard.stt_final_ms):.0f} ms; final → reply's first "
          f"words {statistics.median(offline.final_to_reply_ms):.0f} ms offline, "
          f"{statistics.median(paced.final_to_reply_ms):.0f} ms paced; first sentence → its audio "
          f"{statistics.median(tts):.0f} ms")
    print_figures(
        stt_final_p50_ms=f"{statistics.median(heard.stt_final_ms):.0f}",
        speech_to_audio_p50_ms=f"{statistics.median(offline.speech_to_audio_ms):.0f}",
        speech_to_audio_p99_ms=f"{percentile(offline.speech_to_audio_ms, 0.99):.0f}",
        speech_to_audio_paced_p50_ms=f"{statistics.median(paced.speech_to_audio_ms):.0f}",
        tts_first_audio_ms=f"{statistics.median(tts):.0f}",
        stt_wer=f"{heard.errors / max(heard.reference_words, 1):.3f}",
    )

if __name__ == "__main__":
    asyncio.run(main())
