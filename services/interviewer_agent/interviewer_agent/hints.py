"""Hints the candidate chose, phrased for the conversation.

A hint is given only when the candidate asks (in words or with the hint button) or accepts one the
interviewer offered after a real stall; the offer itself spends nothing. The bank's hint text is turned
into something said to a person: an opener that fits the level, the hint addressed to the candidate
("You could sort…" rather than "Sort…"), and a question that hands the turn back.
"""

import re
import zlib

MAX_LEVEL = 3
HINT_OFFER = "Would a hint help?"

OFFERS = (
    f"You've been quiet for a while. {HINT_OFFER} Just say yes, or press the hint button, and I'll give you one.",
    f"It looks like you've hit a tricky spot. {HINT_OFFER} Say the word, or keep going if you're close.",
    f"No rush at all. {HINT_OFFER} If not, tell me where your thinking is and we'll take it from there.",
)
OPENERS = {
    1: ("Here's something to think about.", "Let me nudge you with a thought.", "Okay, a first hint."),
    2: ("Let me be a bit more concrete.", "Here's a more direct hint.", "Okay, a second hint, a little stronger."),
    3: ("Here's the most direct hint I can give.", "Alright, the last hint, and a strong one.",
        "Okay, one more, and it goes most of the way."),
}
CLOSERS = {
    1: ("What does that suggest to you?", "How might that help here?", "Where does that lead you?"),
    2: ("How would that change your plan?", "What would that cost in time and memory?",
        "Can you see how to build on that?"),
    3: ("Try it by hand on the first example before you code it. That's the last hint I can give.",
        "Walk it through on a small input first. That's the last hint I can give.",
        "See if you can turn that into code now. That's the last hint I can give."),
}
EXHAUSTED = ("You've had all three hints. Try writing the code from there; I'll look when you run it.",
             "That was the last of the three hints. You have what you need; give the code a go and run it.")

# Verbs a bank hint starts with when it is an instruction; said to a person it becomes a suggestion.
IMPERATIVE_VERBS = frozenset("""add apply backtrack build check compare compute consider count decide divide do
fill find fix generate go group list rephrase search slide test handle imagine iterate keep look maintain make mark memoize merge model move pick place pop precompute
process push read record remember represent return run scan sort split start store sweep take think track
traverse treat try turn union use walk work write""".split())
# Verbs that double their last consonant before -ing (run → running).
DOUBLING = frozenset("run put stop scan skip set get split swap map pop step drop trim plan cut let sum".split())

def pick(options: tuple[str, ...], seed: str | int) -> str:
    """A deterministic choice among phrasings, so the same situation reads the same in tests but
    different situations do not all sound alike."""
    return options[zlib.crc32(str(seed).encode()) % len(options)]


# Written English as it is spoken: "it is not" → "it isn't".
CONTRACTIONS = (
    (r"\bdo not\b", "don't"), (r"\bdoes not\b", "doesn't"), (r"\bis not\b", "isn't"), (r"\bare not\b", "aren't"),
    (r"\bcannot\b", "can't"), (r"\bwill not\b", "won't"), (r"\bit is\b", "it's"), (r"\bthat is\b", "that's"),
    (r"\bthere is\b", "there's"), (r"\bwhat is\b", "what's"), (r"\byou are\b", "you're"), (r"\byou will\b", "you'll"),
    (r"\byou would\b", "you'd"), (r"\bthey are\b", "they're"), (r"\blet us\b", "let's"),
    (r"\b[Ee]very\b", "each"), (r"\bexactly\b", "precisely"),
)
# A question put to the candidate sounds like a question between people: "What does X do?" → "What would X do?"
QUESTION_TURNS = (
    (r"\b(does|do) (?=\w)", "would "), (r"\bmust it\b", "does it have to"), (r"^Is there\b", "Could there be"),
    (r"\bmust (you|they|we)\b", r"do \1 have to"), (r"\bcould you\b", "might you"), (r"\bcan you\b", "could you"),
)


def gerund(verb: str) -> str:
    verb = verb.lower()
    if verb in DOUBLING:
        return verb + verb[-1] + "ing"
    if verb.endswith("e") and not verb.endswith(("ee", "ye")):
        return verb[:-1] + "ing"
    return verb + "ing"


def as_suggestion(clause: str, *, opens_sentence: bool) -> str:
    """"Sort by start" → "I'd try sorting by start" (or "try sorting…" inside a sentence); anything that is
    not an instruction is left as it is."""
    # "For each node compute…", "In a single pass, keep…": the instruction follows a leading phrase.
    lead = re.match(r"((?:For each|For every|In a|In one|At each|At every|On each) [^,;:]*?,? )(?=[a-z]+ )", clause)
    if lead and (inner := as_suggestion(clause[lead.end():], opens_sentence=False)) != clause[lead.end():]:
        return lead.group(1) + inner
    first = re.match(r"[A-Za-z]+", clause)
    if not first or first.group(0).lower() not in IMPERATIVE_VERBS:
        return clause
    rest = clause[first.end():]
    return ("I'd try " if opens_sentence else "try ") + gerund(first.group(0)) + rest


def spoken(sentence: str) -> str:
    """One sentence of a bank hint, said to the candidate: instructions become suggestions, questions are
    asked the way people ask them, and words are contracted as they are in speech."""
    clauses = re.split(r"(; |, but |, then |, and then )", sentence)
    said = "".join(as_suggestion(c, opens_sentence=i == 0) if i % 2 == 0 else c for i, c in enumerate(clauses))
    if sentence.rstrip().endswith("?"):
        for pattern, replacement in QUESTION_TURNS:
            said = re.sub(pattern, replacement, said, count=1)
        if said == sentence:  # "Which ones?" → "Which ones, do you think?"
            said = said.rstrip()[:-1] + ", do you think?"
    for pattern, replacement in CONTRACTIONS:
        said = re.sub(pattern, replacement, said)
    said = re.sub(r"^Let (\S+(?: \S+)?) be\b", r"Say \1 is", said)
    return re.sub(r"^Let (\S+(?: \S+)?) mean\b", r"Say \1 means", said)


def phrase_hint(hint: str, level: int, seed: str) -> str:
    """The bank's hint as something said to a person: an opener that fits the level, each sentence spoken
    (never the bank's sentence read out), and a question that hands the turn back."""
    opener = pick(OPENERS[level], f"{seed}:{level}:open")
    closer = pick(CLOSERS[level], f"{seed}:{level}:close")
    sentences = [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z`])", hint.strip()) if s]
    body = " ".join(spoken(s) for s in sentences)
    if not body.endswith((".", "?", "!", ".)", "?)")):
        body += "."
    return f"{opener} {body} {closer}"


def offer(seed: str | int) -> str:
    return pick(OFFERS, seed)


def exhausted(seed: str | int) -> str:
    return pick(EXHAUSTED, seed)


def is_offer(text: str | None) -> bool:
    return bool(text) and HINT_OFFER in text
