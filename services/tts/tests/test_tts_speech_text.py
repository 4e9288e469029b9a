import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tts.speech_text import CODE_MENTION, say_identifier, speakable_text


@pytest.mark.parametrize(
    ("chat", "spoken"),
    [
        ("Hello there.", "Hello there."),
        ("  Several\n lines\n\n of text  ", "Several lines of text"),
        ("Use **bold**, *italic*, _also italic_ and ~~struck~~ words.",
         "Use bold, italic, also italic and struck words."),
        ("## Approach\n- Sort the array\n- Use two pointers\n1. Return the pair",
         "Approach. Sort the array. Use two pointers. Return the pair."),
        ("> Note: the input may be empty.", "Note: the input may be empty."),
        ("- [x] done item", "done item."),
        ("See [the docs](https://example.com/a) or https://leetcode.com/problems/two-sum.",
         "See the docs or the link in the chat."),
        ("Line one<br>line two", "Line one line two"),
        ("| n | time |\n|---|:---:|\n| 10 | 1 ms |", "n, time. 10, 1 ms."),
        ("Great job! 🎉", "Great job!"),
        ("Use a map, e.g. a dict; i.e. constant lookups.",
         "Use a map, for example a dict; that is constant lookups."),
        ("Stop when i == j or a < b, not when a > b.",
         "Stop when i equals j or a less than b, not when a greater than b."),
        ("That makes n^2 pairs, 2^{10} subsets.", "That makes n squared pairs, 2 to the 10 subsets."),
        ("Arrows -> and ≤ and >= read as words.",
         "Arrows to and less than or equal to and greater than or equal to read as words."),
    ],
)
def test_markdown_is_reduced_to_its_words(chat, spoken):
    assert speakable_text(chat) == spoken


class TestCodeBlocks:
    def test_a_fenced_block_is_never_read_out(self):
        chat = "Here's a solution:\n```python\ndef two_sum(nums, target):\n    return []\n```\nThoughts?"
        spoken = speakable_text(chat)
        assert spoken == f"Here's a solution: {CODE_MENTION} Thoughts?"
        assert "def" not in spoken and "return" not in spoken

    def test_the_mention_gets_its_own_sentence(self):
        assert speakable_text("Here is the code\n~~~\nx = 1\n~~~") == f"Here is the code. {CODE_MENTION}"

    def test_an_unclosed_fence_hides_everything_after_it(self):
        assert speakable_text("Look:\n```python\nprint(1)\nsecret = 2\n") == f"Look: {CODE_MENTION}"

    def test_adjacent_blocks_are_mentioned_once(self):
        chat = "```py\na = 1\n```\n\n```py\nb = 2\n```"
        assert speakable_text(chat) == CODE_MENTION

    def test_long_inline_code_is_not_read_out(self):
        spoken = speakable_text("Try `for (int i = 0; i < n; i++) { total += a[i]; }` instead.")
        assert spoken == "Try the code in the chat instead."


@pytest.mark.parametrize(
    ("chat", "spoken"),
    [
        ("Call `two_sum` first.", "Call two sum first."),
        ("Rename it `maxProfit`.", "Rename it max profit."),
        ("Use a `HashMap`.", "Use a hash map."),
        ("Check `node.next`.", "Check node dot next."),
        ("Compare `nums[i] + nums[j] == target`.", "Compare nums at i plus nums at j equals target."),
        ("Loop while `left < right`.", "Loop while left less than right."),
        ("Stop at `i <= n - 1`.", "Stop at i less than or equal to n minus 1."),
        ("Return `len(nums)`.", "Return len of nums."),
        ("Bump `count += 1`.", "Bump count plus equals 1."),
        ("Is `MAX_SIZE` enough?", "Is MAX SIZE enough?"),
        ("Plain snake_case like max_sub_array too.", "Plain snake case like max sub array too."),
    ],
)
def test_identifiers_and_inline_code_read_naturally(chat, spoken):
    assert speakable_text(chat) == spoken


@pytest.mark.parametrize(
    ("chat", "spoken"),
    [
        ("Sorting costs O(n log n).", "Sorting costs O of n log n."),
        ("That is `O(n log n)`.", "That is O of n log n."),
        ("Nested loops are O(n^2).", "Nested loops are O of n squared."),
        ("Also O(n²) written with a superscript.", "Also O of n squared written with a superscript."),
        ("Subsets take O(2^n).", "Subsets take O of 2 to the n."),
        ("Graphs take O(V + E).", "Graphs take O of V plus E."),
        ("Lookups are Θ(1) and sorts Ω(n log n).", "Lookups are Theta of 1 and sorts Omega of n log n."),
        ("A grid is O(m * n).", "A grid is O of m times n."),
        ("Balanced trees give O(log(n)).", "Balanced trees give O of log of n."),
    ],
)
def test_complexities_read_naturally(chat, spoken):
    assert speakable_text(chat) == spoken


@pytest.mark.parametrize(
    ("chat", "spoken"),
    [
        ("It runs in $O(n \\log n)$ time.", "It runs in O of n log n time."),
        ("We need $n^2$ pairs.", "We need n squared pairs."),
        ("Pick $k \\le n$ items.", "Pick k less than or equal to n items."),
        ("Halve it: \\(\\frac{n}{2}\\).", "Halve it: n over 2."),
        ("$$\\sum_{i=1}^{n} i$$", "the sum from i equals 1 to n of i"),
        ("Take $\\sqrt{n}$ steps.", "Take square root of n steps."),
        ("Use $a_{i+1}$ next.", "Use a sub i plus 1 next."),
        ("It costs $5 and $10.", "It costs $5 and $10."),
    ],
)
def test_latex_is_read_not_spelled(chat, spoken):
    assert speakable_text(chat) == spoken


@pytest.mark.parametrize("chat", ["", "   ", "---", "**", "🎉", "| --- |"])
def test_nothing_speakable_gives_empty_text(chat):
    assert speakable_text(chat) == ""


def test_a_lone_code_block_still_tells_the_candidate_where_the_code_is():
    assert speakable_text("```\nx = 1\n```") == CODE_MENTION


@pytest.mark.parametrize(
    ("identifier", "words"),
    [("two_sum", "two sum"), ("maxSubArray", "max sub array"), ("parseHTTPResponse", "parse HTTP response"),
     ("MAX_SIZE", "MAX SIZE"), ("i", "i")],
)
def test_say_identifier(identifier, words):
    assert say_identifier(identifier) == words


MARKDOWNISH = st.lists(
    st.sampled_from(list("abcxyzO()[]{}<>=+-*/_`$~#|>!\\^.,:;'\"\n 0123456789") + ["```", "$$", "**", "\\frac"]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKDOWNISH)
def test_any_text_gives_clean_speech(chat):
    spoken = speakable_text(chat)
    assert "\x00" not in spoken and "`" not in spoken and "\n" not in spoken
    assert spoken == spoken.strip()


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="`~"), max_size=200))
def test_nothing_inside_a_code_block_is_ever_spoken(code):
    spoken = speakable_text(f"Here you go:\n```python\nSECRET_{code}\n```")
    assert spoken == f"Here you go: {CODE_MENTION}"
