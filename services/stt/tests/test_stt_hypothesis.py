"""Clean-up of one Whisper hypothesis and the agreement between two: pure functions, no model."""

from stt.recognizer import punctuation_attached, window_frames, without_repeat
from stt.utterance import Word, after_committed, agreed_prefix


def timed(text: str, start_ms: int = 0) -> list[Word]:
    return [Word(w, start_ms + i * 300, start_ms + i * 300 + 300) for i, w in enumerate(text.split())]


def as_dicts(words: list[Word]) -> list[dict]:
    return [{"word": w.word, "start_ms": w.start_ms, "end_ms": w.end_ms, "probability": 1.0} for w in words]


def test_punctuation_is_attached_to_the_word_before():
    words = punctuation_attached(timed("two numbers ? Okay , yes ."))
    assert [w.word for w in words] == ["two", "numbers?", "Okay,", "yes."]
    assert words[1].end_ms == 600  # the word keeps its own timing


def test_a_hypothesis_that_goes_back_over_its_words_after_a_full_stop_is_cut():
    assert [w.word for w in without_repeat(timed("Can I assume two numbers? Can I assume"))] == \
        ["Can", "I", "assume", "two", "numbers?"]
    assert [w.word for w in without_repeat(timed("in any order? Or could they"), prompt="or could they be")] == \
        ["in", "any", "order?"]
    # a new sentence that repeats nothing stays
    text = "That is linear. Then we sort it."
    assert " ".join(w.word for w in without_repeat(timed(text))) == text


def test_the_window_is_the_speech_and_four_seconds_of_silence_at_most_30_s():
    assert window_frames(384) == 800 and window_frames(2600) == 3000
    assert window_frames(2650) == 3000 and window_frames(10_000) == 3000


def test_two_recognitions_commit_the_words_they_agree_on_but_never_the_last():
    before = as_dicts(timed("I think the brute"))
    now = as_dicts(timed("I think the brute force approach"))
    assert agreed_prefix(before, now) == 4
    assert agreed_prefix(as_dicts(timed("I think")), as_dicts(timed("I think"))) == 1
    assert agreed_prefix(as_dicts(timed("I sink the")), now) == 1


def test_words_heard_again_before_the_tail_are_dropped():
    committed = as_dicts(timed("I think the brute"))  # ends at 1 200 ms
    fresh = as_dicts(timed("the brute force approach", start_ms=600))
    assert [w["word"] for w in after_committed(committed, fresh)] == ["force", "approach"]
