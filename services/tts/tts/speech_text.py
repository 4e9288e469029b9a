"""Turn an interviewer's chat text (Markdown, code, LaTeX) into what a voice should say.

Rules, in the order they are applied:
- a fenced code block is never read out; it becomes "I've put the code in the chat.";
- LaTeX math and inline code are read the way a person would say them: `two_sum` -> "two sum",
  `O(n log n)` -> "O of n log n", `$n^2$` -> "n squared", `nums[i] == target` -> "nums at i equals target";
- Markdown syntax (headings, lists, emphasis, links, tables, quotes, HTML tags) is dropped, keeping the words;
- what is left is tidied into one line. Text with no letters or digits left becomes "".
"""

import re
import unicodedata

CODE_MENTION = "I've put the code in the chat."
# Inline code longer than this, or spanning statements, is not read out either.
MAX_SPOKEN_INLINE_CODE = 60
LONG_INLINE_CODE = "the code in the chat"

# A marker that survives every later rewrite and is swapped for CODE_MENTION at the end.
_CODE_MARK = "\u0000CODE\u0000"

_FENCED_BLOCK = re.compile(
    r"^[ \t]*(?P<fence>`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*(?P=fence)[`~]*[ \t]*$|\Z)",
    re.MULTILINE | re.DOTALL,
)
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]", re.DOTALL)
# Inline $...$ only when it hugs its content, so "$5 and $10" stays money.
_INLINE_MATH = re.compile(r"\$(?=\S)([^$\n]+?)(?<=\S)\$(?!\d)|\\\((.+?)\\\)")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1", re.DOTALL)
# O(n), Θ(n log n), Ω(1), and their spelled-out names; one level of nested parentheses is allowed.
_COMPLEXITY = re.compile(r"(?<![\w\\])(O|Θ|Ω|Theta|Omega)\s*\(((?:[^()]|\([^()]*\))*)\)")

_NAMED_COMPLEXITY = {"Θ": "Theta", "Ω": "Omega"}

# Math symbols, longest first so "<=" is not read as "<" then "=".
_MATH_WORDS = [
    (r"\\(?:leq?|leqslant)\b|<=|≤", " less than or equal to "),
    (r"\\(?:geq?|geqslant)\b|>=|≥", " greater than or equal to "),
    (r"\\(?:neq?)\b|!=|≠", " not equal to "),
    (r"\\(?:to|rightarrow|implies)\b|->|=>|→|⇒", " to "),
    (r"==|\\equiv\b|=", " equals "),
    (r"\\lt\b|<", " less than "),
    (r"\\gt\b|>", " greater than "),
    (r"\\(?:cdot|times)\b|\*|×|·", " times "),
    (r"\\(?:div)\b|÷", " divided by "),
    (r"\+", " plus "),
    (r"\\pm\b|±", " plus or minus "),
    (r"(?<=[\w)\s])-(?=[\s\w(])|−", " minus "),
    (r"\\infty\b|∞", " infinity "),
    (r"\\in\b|∈", " in "),
    (r"\\approx\b|≈", " approximately "),
    (r"%", " mod "),
]
_MATH_WORD_PATTERNS = [(re.compile(pattern), words) for pattern, words in _MATH_WORDS]

_POWER_WORDS = {"2": "squared", "3": "cubed"}
_SUPERSCRIPTS = {"²": "^2", "³": "^3", "ⁿ": "^n", "ᵏ": "^k"}

_CODE_OPERATORS = [
    (r"\+=", " plus equals "),
    (r"-=", " minus equals "),
    (r"\*=", " times equals "),
    (r"&&", " and "),
    (r"\|\|", " or "),
    (r"//", " integer divided by "),
    (r"\*\*", " to the power "),
    (r"!(?!=)", " not "),
]
_CODE_OPERATOR_PATTERNS = [(re.compile(pattern), words) for pattern, words in _CODE_OPERATORS]

_ABBREVIATIONS = [
    (re.compile(r"\be\.g\.", re.IGNORECASE), "for example"),
    (re.compile(r"\bi\.e\.", re.IGNORECASE), "that is"),
    (re.compile(r"\bvs\.?(?=\s)", re.IGNORECASE), "versus"),
    (re.compile(r"\betc\.(?=\s+[a-z])"), "et cetera"),
    (re.compile(r"\betc\."), "et cetera."),
]


def speakable_text(text: str) -> str:
    """What to say for `text`; "" when nothing worth saying remains."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    text = _FENCED_BLOCK.sub(f"\n{_CODE_MARK}\n", text)
    text = _DISPLAY_MATH.sub(lambda m: f" {say_math(m.group(1) or m.group(2))} ", text)
    text = _INLINE_MATH.sub(lambda m: say_math(m.group(1) or m.group(2)), text)
    text = _INLINE_CODE.sub(lambda m: say_inline_code(m.group(2)), text)
    text = _strip_markdown(text)
    text = say_complexities(text)
    text = _say_plain_symbols(text)
    return _tidy(text)


# ---- math and complexity -------------------------------------------------------------------------


def say_complexities(text: str) -> str:
    """O(n log n) -> "O of n log n"; O(n^2) -> "O of n squared"; Θ(1) -> "Theta of 1"."""

    def spoken(match: re.Match[str]) -> str:
        name = _NAMED_COMPLEXITY.get(match.group(1), match.group(1))
        return f"{name} of {say_math(match.group(2))}"

    return _COMPLEXITY.sub(spoken, text)


def say_math(expression: str) -> str:
    """Read a LaTeX or plain math expression: `n \\log n`, `2^{n}`, `\\frac{n}{2}`, `a_i \\le k`."""
    text = expression
    for symbol, power in _SUPERSCRIPTS.items():
        text = text.replace(symbol, power)
    text = re.sub(r"\\(?:text|mathrm|mathbf|mathit|operatorname|textbf)\s*\{([^{}]*)\}", r" \1 ", text)
    text = re.sub(r"\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r" \1 over \2 ", text)
    text = re.sub(r"\\(sum|prod)\s*_\s*\{([^{}]*)\}\s*\^\s*\{?([^{}\s]*)\}?", r" the \1 from \2 to \3 of ", text)
    text = re.sub(r"\\sqrt\s*\{([^{}]*)\}", r" square root of \1 ", text)
    text = re.sub(r"\\(?:left|right|big|Big|bigg|Bigg)\b", " ", text)
    text = re.sub(r"\\[,;:! ]|\\q?quad\b", " ", text)
    text = say_complexities(text)
    text = _say_powers(text)
    text = re.sub(r"(\w)_\{([^{}]+)\}", r"\1 sub \2", text)
    text = re.sub(r"(?<=[A-Za-z])_([A-Za-z0-9])", r" sub \1", text)
    for pattern, words in _MATH_WORD_PATTERNS:
        text = pattern.sub(words, text)
    text = re.sub(r"(?<=\w)/(?=\w)", " over ", text)
    text = re.sub(r"\\([A-Za-z]+)", r" \1 ", text)  # \log, \alpha, \Theta: say the name
    text = re.sub(r"(?<![A-Za-z_])([A-Za-z]\w*)\s*\((?=[^()]*\))", r"\1 of ", text)  # f(x) -> f of x
    text = re.sub(r"[{}()\[\]|\\^$]", " ", text)
    return _squash(text)


def _say_powers(text: str) -> str:
    def spoken(match: re.Match[str]) -> str:
        base, exponent = match.group(1), (match.group(2) or match.group(3)).strip()
        if exponent in _POWER_WORDS:
            return f"{base} {_POWER_WORDS[exponent]}"
        return f"{base} to the {exponent}"

    return re.sub(r"(\w+|\))\s*\^\s*(?:\{([^{}]+)\}|(\w+))", spoken, text)


# ---- inline code ---------------------------------------------------------------------------------


def say_inline_code(code: str) -> str:
    """`two_sum` -> "two sum"; `maxProfit` -> "max profit"; `len(nums) - 1` -> "len of nums minus 1"."""
    code = code.strip()
    if len(code) > MAX_SPOKEN_INLINE_CODE or "\n" in code or ";" in code:
        return LONG_INLINE_CODE
    text = say_complexities(code)
    text = re.sub(r"\b([A-Za-z_]\w*)\[([^\[\]]+)\]", r"\1 at \2", text)  # nums[i] -> nums at i
    text = re.sub(r"(?<=[A-Za-z_\]])\.(?=[A-Za-z_])", " dot ", text)  # node.next -> node dot next
    for pattern, words in _CODE_OPERATOR_PATTERNS:
        text = pattern.sub(words, text)
    text = re.sub(r"\b[A-Za-z_][A-Za-z0-9_]*\b", lambda m: say_identifier(m.group(0)), text)
    text = re.sub(r"[\"']", "", text)
    return say_math(text)


def say_identifier(identifier: str) -> str:
    """two_sum -> "two sum", maxProfit -> "max profit", HashMap -> "hash map", MAX_SIZE -> "MAX SIZE"."""
    words = identifier.replace("_", " ")
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", words)
    return " ".join(word if word.isupper() else word.lower() for word in words.split())


# ---- markdown ------------------------------------------------------------------------------------


def _strip_markdown(text: str) -> str:
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    text = re.sub(r"</?[A-Za-z][^<>]*>", " ", text)  # HTML tags such as <br> or <details>
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)  # images keep their alt text
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"<?https?://[^\s<>()]*[^\s<>().,;:!?'\"]>?", "the link in the chat", text)
    lines = [_strip_markdown_line(line) for line in text.split("\n")]
    text = " ".join(line for line in lines if line)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)  # bold
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])", r"\1", text)  # italic *x*
    text = re.sub(r"(?<!\w)_(?=\S)([^_]+?)(?<=\S)_(?!\w)", r"\1", text)  # italic _x_, not snake_case
    text = re.sub(r"~~(.+?)~~", r"\1", text)
    return text


def _strip_markdown_line(line: str) -> str:
    line = line.strip()
    if re.fullmatch(r"([-*_=])(\s*\1){2,}", line):  # horizontal rule or setext underline
        return ""
    if re.fullmatch(r"\|?[\s:|-]+\|?", line) and "-" in line:  # table separator row
        return ""
    line = re.sub(r"^(>\s*)+", "", line)  # block quotes
    heading = re.match(r"^#{1,6}\s+(.*?)\s*#*$", line)
    is_list_item = re.match(r"^([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?", line)
    if heading:
        line = heading.group(1)
    elif is_list_item:
        line = line[is_list_item.end():]
    is_table_row = line.startswith("|") or line.endswith("|")
    if is_table_row:  # cells become a list, one sentence per row
        line = ", ".join(cell.strip() for cell in line.strip("|").split("|") if cell.strip())
    if (heading or is_list_item or is_table_row) and line and line[-1].isalnum():
        line += "."  # a pause where the eye would see a line break
    return line


# ---- plain text ----------------------------------------------------------------------------------


def _say_plain_symbols(text: str) -> str:
    for pattern, words in _ABBREVIATIONS:
        text = pattern.sub(words, text)
    text = re.sub(r"\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b", lambda m: say_identifier(m.group(0)), text)
    text = re.sub(r"\s*(?:->|→|⇒|=>)\s*", " to ", text)
    text = re.sub(r"\s*(?:<=|≤)\s*", " less than or equal to ", text)
    text = re.sub(r"\s*(?:>=|≥)\s*", " greater than or equal to ", text)
    text = re.sub(r"\s*(?:!=|≠)\s*", " not equal to ", text)
    text = re.sub(r"\s*==\s*", " equals ", text)
    # espeak-ng says nothing at all for a bare < or >.
    text = re.sub(r"(?<=[\w)])\s*<\s*(?=[\w(])", " less than ", text)
    text = re.sub(r"(?<=[\w)])\s*>\s*(?=[\w(])", " greater than ", text)
    text = _say_powers(text)
    text = text.replace("&", " and ")
    for symbol, power in _SUPERSCRIPTS.items():
        text = text.replace(symbol, " " + _POWER_WORDS.get(power[1:], f"to the {power[1:]}"))
    # Emoji and other pictographs, and leftover Markdown punctuation, are not spoken.
    text = "".join(" " if unicodedata.category(char) in {"So", "Cs", "Co"} else char for char in text)
    text = re.sub(r"[*_#`~|^\\]+", " ", text)
    return text


def _tidy(text: str) -> str:
    text = _squash(text)
    # Each code block becomes its own sentence, and several in a row are mentioned once.
    text = re.sub(rf"(?:\s*{re.escape(_CODE_MARK)}\s*)+", f" {_CODE_MARK} ", text)
    text = re.sub(rf"(?<=[A-Za-z0-9\"')])\s*{re.escape(_CODE_MARK)}", f". {_CODE_MARK}", text)
    text = _squash(text.replace(_CODE_MARK, CODE_MENTION))
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    text = re.sub(r"([.!?])(?:\s*[.])+", r"\1", text)  # "Done.." / "chat. ." -> one stop
    text = re.sub(r"([,;:])\s*([.!?])", r"\2", text)
    text = re.sub(r"^[\s.,;:!?)\]-]+", "", text)
    if not re.search(r"\w", text):
        return ""
    return text


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
