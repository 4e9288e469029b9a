"""The solution guard: what the interviewer is about to say may not give away the reference solution
before the hint ladder allows it, and a complete solution is never given at all.

Whatever the provider (offline, Bedrock, an OpenAI-compatible model), every sentence passes through
`SolutionGuard.check` on its way to the candidate. The text is compared with the problem's reference
solutions in all five languages after both are reduced to a language-agnostic token stream:

- comments, imports and string contents go; identifiers and type names become `ID`, and a run of
  them collapses into one (`nums.length`, `len(nums)` and `int n` all read `ID`), so renamed
  variables and another language's spelling look alike;
- numbers become `NUM`; brackets, commas, semicolons and colons go, so layout, one-line variants
  and Python's colons versus C's braces do not matter;
- control words and operators are kept in one spelling for every language *and for English*
  (`for`/`foreach`, `&&`/`and`, `===`/`==`, `i++`/`i += 1`, "minus"/`-`), so a prose walkthrough that
  spells the reference out step by step reads like the code it spells.

The reference's fingerprint is the set of its k-grams of that stream (precomputed once per
question). What the turn has said so far plus the new sentence is fingerprinted the same way, and
the share of the reference's k-grams it reproduces is its *coverage*. Each hint level allows a
little more of the solution (level 0 nothing beyond chance, level 3 "nearly the approach"), and no
level allows a complete solution. Text over its level's budget is replaced by `WITHHELD`.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

FINAL_HINT_LEVEL = 3
KGRAM = 6
# Share of a reference's k-grams the interviewer may reproduce at each hint level. Level 0 allows
# only what ordinary talk about the problem shares with any solution; level 3 is the "nearly the
# approach" hint; a complete solution (over `NEVER_SHARE`) is withheld at every level.
ALLOWED_SHARE = {0: 0.25, 1: 0.3, 2: 0.4, 3: 0.55}
NEVER_SHARE = 0.55
# Below this many shared k-grams nothing is withheld: a short reference shares a k-gram or two with
# any talk about loops, which is no leak.
MIN_SHARED = 3
# Text that shares this much of a reference's k-grams is also aligned with it token by token, which
# forgives what k-grams cannot: a translation that keeps the skeleton but spells one condition its own
# way (a flag instead of a sentinel) breaks every k-gram across that spot. Runs shorter than
# `MIN_ALIGNED_RUN` tokens are chance.
ALIGN_FROM_SHARE = 0.1
MIN_ALIGNED_RUN = 4
WITHHELD = ("I'd rather not hand you the solution; let's work it out together. "
            "Which part is unclear?")

_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*|#(?!include)[^\n]*|\"\"\".*?\"\"\"|'''.*?'''", re.S)
_HEADER_LINE = re.compile(r"^\s*(?:#include|import|from\s+\S+\s+import|package|using)\b[^\n]*$", re.M)
_STRING = re.compile(r"\"(?:\\.|[^\"\\\n])*\"|(?<![A-Za-z])'(?:\\.|[^'\\\n]){2,}'")
_TOKEN = re.compile(r"[A-Za-z_][A-Za-z_0-9]*|\d+(?:\.\d+)?|===|!==|==|!=|<=|>=|->|=>|::|\+\+|--|\+=|-=|\*=|/=|%="
                    r"|&&|\|\||:=|<<|>>|\*\*|//|[-+*/%<>=!?^&|~]")
# Type arguments (`vector<vector<int>>`, `Map<Integer, List<String>>`, `<>`): names, no spaces inside.
_GENERIC = re.compile(r"<(?:[\w:*\[\]?]+(?:,\s*[\w:*\[\]?]+)*)?>")
# `for (int i = 0; i < n; i++)` reads as `for i in range(n)`; `for (auto& x : xs)` as `for x in xs`.
_C_LOOP = re.compile(r"\bfor\s*\(\s*(?:[\w:]+\s+)?(\w+)\s*=\s*([^;]+?)\s*;\s*\1\s*<\s*([^;]+?)\s*;\s*"
                     r"(?:\1\s*\+\+|\+\+\s*\1|\1\s*\+=\s*1)\s*\)")
_RANGE_LOOP = re.compile(r"\bfor\s*\(([^;()]*?)\s:\s")

# One spelling for every language's control words, and English's where a walkthrough uses them.
_WORDS = {
    "for": "FOR", "foreach": "FOR", "each": None, "while": "FOR", "loop": None,  # Go has only `for`
    "if": "IF", "elif": "ELSE IF", "else": "ELSE", "otherwise": "ELSE",
    "return": "RETURN", "returns": "RETURN", "yield": "RETURN",
    "break": "BREAK", "continue": "CONTINUE",
    "in": "IN", "of": "IN", "range": "IN",
    "and": "AND", "or": "OR", "not": "NOT",
    "true": "TRUE", "false": "FALSE",
    "none": "NULL", "null": "NULL", "nil": "NULL", "nullptr": "NULL", "undefined": "NULL",
    # Only some languages name a function with a keyword, so none does here.
    "def": None, "function": None, "func": None, "fn": None, "lambda": None,
    # Membership, however a language asks it: `x in seen`, `seen.has(x)`, `seen.contains(x)`, `seen.count(x)`.
    "has": "IN", "contains": "IN", "containskey": "IN", "includes": "IN", "count": "IN",
    "is": "==",
    "minus": "-", "plus": "+", "times": "*",
    # Words with no algorithmic content in any language: dropped, so `let`, `const`, `new` and the
    # English articles do not break runs.
    "let": None, "const": None, "var": None, "auto": None, "new": None, "public": None, "private": None,
    "static": None, "final": None,
}
# English comparisons and steps, as a walkthrough says them.
_PHRASES = [(re.compile(p, re.I), op) for p, op in (
    (r"\b(?:is\s+)?(?:less|smaller|lower|fewer)\s+than\s+or\s+equal\s+to\b|\bat\s+most\b", " <= "),
    (r"\b(?:is\s+)?(?:greater|bigger|larger|higher|more)\s+than\s+or\s+equal\s+to\b|\bat\s+least\b", " >= "),
    (r"\b(?:is\s+)?(?:less|smaller|lower|fewer|below)(?:\s+than)?\b", " < "),
    (r"\b(?:is\s+)?(?:greater|bigger|larger|higher|more|above)\s+than\b|\bexceeds\b", " > "),
    (r"\b(?:is\s+)?equal\s+to\b|\bequals\b|\bis\s+the\s+same\s+as\b", " == "),
    (r"\bincrement\b", " += 1 "), (r"\bdecrement\b", " -= 1 "), (r"\bis\s+not\b", " != "),
)]
_OPERATORS = {"===": "==", "!==": "!=", "&&": "AND", "||": "OR", "!": "NOT", ":=": "=", "++": "+= NUM",
              "--": "-= NUM", "->": "", "=>": "", "::": "", "&": ""}  # arrows, scopes, references: no logic


def normalise(text: str) -> list[str]:
    """The language-agnostic token stream of code or prose (see the module docstring)."""
    text = _HEADER_LINE.sub(" ", text)
    text = _COMMENT.sub(" ", text)
    for phrase, operator in _PHRASES:
        text = phrase.sub(operator, text)
    text = _STRING.sub(" STR ", text)
    text = _C_LOOP.sub(lambda m: f"for {m[1]} in range({'' if m[2] == '0' else m[2] + ', '}{m[3]})", text)
    text = _RANGE_LOOP.sub(r"for (\1 in ", text)
    while (stripped := _GENERIC.sub("", text)) != text:
        text = stripped
    tokens: list[str] = []
    for raw in _TOKEN.findall(text):
        if raw[0].isalpha() or raw[0] == "_":
            mapped = _WORDS.get(raw.lower(), "ID")
            if mapped is None:
                continue
        elif raw[0].isdigit():
            mapped = "NUM"
        else:
            mapped = _OPERATORS.get(raw, raw)
        for token in mapped.split():
            if token in ("ID", "IN") and tokens and tokens[-1] == token:
                continue  # a run of names is one name: `nums.length` ~ `len(nums)` ~ `int n`
            if token == "IN" and tokens and tokens[-1] == "=":
                tokens.pop()  # Go's `for _, x := range xs`
            tokens.append(token)
    return tokens


def kgrams(tokens: list[str], k: int = KGRAM) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + k]) for i in range(len(tokens) - k + 1)}


@dataclass(frozen=True)
class Fingerprint:
    """One reference solution, reduced once."""

    tokens: tuple[str, ...]
    kgrams: frozenset[tuple[str, ...]]

    @classmethod
    def of(cls, source: str) -> "Fingerprint":
        tokens = normalise(source)
        return cls(tuple(tokens), frozenset(kgrams(tokens)))

    def coverage(self, said: set[tuple[str, ...]]) -> tuple[int, float]:
        """(k-grams of this reference found in `said`, their share of the reference)."""
        if not self.kgrams:
            return 0, 0.0
        shared = len(self.kgrams & said)
        return shared, shared / len(self.kgrams)

    def aligned_share(self, tokens: list[str]) -> float:
        """Share of the reference's tokens that line up, in order, with `tokens` in runs of at least
        `MIN_ALIGNED_RUN`."""
        blocks = SequenceMatcher(None, self.tokens, tokens, autojunk=False).get_matching_blocks()
        return sum(b.size for b in blocks if b.size >= MIN_ALIGNED_RUN) / len(self.tokens)


@lru_cache(maxsize=512)
def fingerprint(source: str) -> Fingerprint:
    """Cached by source text: a question's references are reduced once per process."""
    return Fingerprint.of(source)


def allowed_share(hint_level: int) -> float:
    return min(ALLOWED_SHARE[max(0, min(hint_level, FINAL_HINT_LEVEL))], NEVER_SHARE)


class SolutionGuard:
    """One turn's guard. It remembers what the interviewer has said (this turn, and `said_before` from
    recent turns), so a solution spelled out sentence by sentence or turn by turn is caught once the
    pieces together give it away. What the candidate has written or said themselves (`candidate_wrote`:
    their code and messages) is theirs already: repeating it back is no leak, so it is not counted."""

    def __init__(self, references: Iterable[str], hint_level: Callable[[], int], *,
                 said_before: Iterable[str] = (), candidate_wrote: Iterable[str] = ()):
        self._fingerprints = [f for f in map(fingerprint, references) if f.kgrams]
        self._hint_level = hint_level
        self._said: list[str] = [token for text in said_before for token in normalise(text)]
        self._known = set().union(*(kgrams(normalise(text)) for text in candidate_wrote))

    def leak(self, text: str) -> float:
        """The largest share of any reference that `text` (with what was said before) reproduces beyond
        what the candidate already wrote, counting only overlaps of at least `MIN_SHARED` k-grams."""
        tokens = self._said + normalise(text)
        said = kgrams(tokens) - self._known
        worst = 0.0
        for reference in self._fingerprints:
            shared, share = reference.coverage(said)
            if shared < MIN_SHARED:
                continue
            if share >= ALIGN_FROM_SHARE:
                _, known_share = reference.coverage(self._known)
                share = max(share, reference.aligned_share(tokens) - known_share)
            worst = max(worst, share)
        return worst

    def reveals_solution(self, text: str) -> bool:
        return self.leak(text) > allowed_share(self._hint_level())

    def check(self, text: str) -> str:
        """`text` if it may be said now, else `WITHHELD` (and the withheld text is forgotten)."""
        if self.reveals_solution(text):
            return WITHHELD
        self._said += normalise(text)
        return text
