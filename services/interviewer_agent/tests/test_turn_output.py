"""What one turn sends the browser and the voice as model text streams in: the first words before their
sentence ends, code and guarded words only with the sentence, whole sentences to the tts service."""

import pytest

from interviewer_agent.guard import WITHHELD, SolutionGuard, allowed_share
from interviewer_agent.turn import TurnOutput, prose_ahead

from .leaks import WALKTHROUGH, guard_for


class Recorder:
    """Stands in for the event log and the tts publisher: what was emitted, in order."""

    def __init__(self):
        self.deltas: list[tuple[str, bool]] = []
        self.spoken: list[str] = []

    async def emit(self, session_id, event_type, payload) -> None:
        if payload.kind == "delta":
            self.deltas.append((payload.text, payload.ends_sentence))

    async def publish(self, message) -> None:
        self.spoken.append(message.text)


def output(recorder: Recorder, guard: SolutionGuard | None = None) -> TurnOutput:
    return TurnOutput(session_id="s", turn_id="t", events=recorder, speech=recorder, feedback=recorder,
                      store=None, guard=guard)


async def stream(out: TurnOutput, text: str) -> None:
    """As a model streams: one word (with its leading space) at a time."""
    words = text.split(" ")
    for index, word in enumerate(words):
        await out.text(word if index == 0 else " " + word)
    await out.end_text()


async def test_the_first_words_go_out_before_their_sentence_ends():
    recorder = Recorder()
    out = output(recorder)
    await out.text("Good")
    assert recorder.deltas == []  # the word may still be arriving
    await out.text(" question")
    assert recorder.deltas == [("Good", False)]
    assert recorder.spoken == []  # the voice waits for the whole sentence


async def test_deltas_add_up_to_the_reply_and_each_sentence_is_spoken_whole():
    recorder = Recorder()
    out = output(recorder)
    reply = "Good question, the input can be empty. Then return an empty list, and say so. Anything else?"
    await stream(out, reply)
    assert "".join(text for text, _ in recorder.deltas).strip() == reply == out.full_text
    assert recorder.spoken == ["Good question, the input can be empty.", "Then return an empty list, and say so.",
                               "Anything else?"]
    ends = [text for text, ends_sentence in recorder.deltas if ends_sentence]
    assert len(ends) == len(recorder.spoken)
    # after the first words, later ones go out a clause at a time, not word by word
    assert recorder.deltas[0] == ("Good", False)
    assert (" question,", False) in recorder.deltas
    assert len(recorder.deltas) < len(reply.split(" "))


@pytest.mark.parametrize("pending, shown", [
    ("Good question, the input", "Good question, the"),
    ("Thanks.", ""),
    ("Use a map (value", "Use a map"),
    ("Try nums.length to", "Try"),
    ("Keep a seen_set of", "Keep a"),
    ("Then i += 1 and", "Then i"),
    ("Compare maxSoFar with", "Compare"),
    ("Like this: ```py", "Like this:"),
    ("First line\nsecond line", "First"),
])
def test_only_whole_prose_words_before_anything_that_could_be_code_are_shown_early(pending, shown):
    assert prose_ahead(pending) == shown


async def test_code_in_a_sentence_waits_for_the_sentence_end():
    recorder = Recorder()
    out = output(recorder)
    await stream(out, "Sure, try `x = y` here and see. Done.")
    assert recorder.deltas[0] == ("Sure,", False)
    assert recorder.deltas[1] == (" try `x = y` here and see. ", True)




async def test_streaming_never_shows_more_of_a_withheld_sentence_than_prose_the_guard_passed():
    sentence_by_sentence = guard_for("rain_between_dunes")
    assert WITHHELD in [sentence_by_sentence.check(s) for s in WALKTHROUGH]  # the guard's own verdict
    recorder = Recorder()
    out = output(recorder, guard_for("rain_between_dunes"))
    await stream(out, " ".join(WALKTHROUGH))
    shown = "".join(text for text, _ in recorder.deltas)
    assert shown.strip() == out.full_text == " ".join(recorder.spoken)
    withheld = [s for s in recorder.spoken if s.endswith(WITHHELD)]
    assert withheld
    for sentence in withheld:
        early = sentence.removesuffix(WITHHELD).strip()
        assert any(original.startswith(early) for original in WALKTHROUGH)
        assert prose_ahead(early + " ") == early  # prose only, nothing that could be code
    said = " ".join(s.removesuffix(WITHHELD) for s in recorder.spoken)
    assert guard_for("rain_between_dunes").leak(said) <= allowed_share(0)


async def test_without_a_guard_the_same_reply_is_shown_whole():
    recorder = Recorder()
    out = output(recorder)
    await stream(out, " ".join(WALKTHROUGH))
    assert "".join(text for text, _ in recorder.deltas).strip() == " ".join(WALKTHROUGH)


class Completed(Recorder):
    def __init__(self):
        super().__init__()
        self.completed: list[tuple[str, bool]] = []

    async def emit(self, session_id, event_type, payload) -> None:
        if getattr(payload, "kind", None) == "complete":
            self.completed.append((payload.text, payload.interrupted))
        elif getattr(payload, "kind", None) == "delta":
            await super().emit(session_id, event_type, payload)


async def test_a_reply_cut_before_its_first_sentence_ends_completes_with_the_words_shown():
    recorder = Completed()
    out = output(recorder)
    for word in ["Good", " question,", " the", " input"]:
        await out.text(word)
    out.cut.cut()  # the candidate talked over it
    await out.text(" can be empty.")
    await out.end_text()
    assert await out.finish() == "Good question,"  # later words go out a clause at a time
    assert recorder.completed == [("Good question,", True)]
    assert "".join(text for text, _ in recorder.deltas) == "Good question,"
    assert recorder.spoken == []
