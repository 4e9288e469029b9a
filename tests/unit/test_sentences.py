from interviewer_agent.speech import split_sentences


def test_text_splits_into_sentences():
    assert split_sentences("Hi there. How are you? Great!") == ["Hi there.", "How are you?", "Great!"]


def test_a_code_block_is_never_split():
    text = "Look at this. ```python\nx = 1. y = 2\n``` Then run it."
    assert split_sentences(text) == ["Look at this.", "```python\nx = 1. y = 2\n```", "Then run it."]


def test_decimals_and_abbreviations_inside_a_sentence_stay_whole():
    assert split_sentences("Use 0.5 as the ratio, e.g. for halves. Done.") == [
        "Use 0.5 as the ratio, e.g. for halves.",
        "Done.",
    ]
