"""What the embedded interviewer says to each kind of candidate message, from the problem's own data.

Clarifying questions are answered from the problem: its constraints, examples, edge-case notes and
output format (never hidden tests). Thinking aloud gets a reply about the technique the candidate
named: its cost at the problem's sizes, or a pitfall of this problem. Requests for the solution get a
friendly refusal that says what to do instead. Every reply is chosen deterministically among a few
phrasings (`hints.pick`), seeded by the message, so the interviewer does not sound like a recording.
"""

import json
import re
from pathlib import Path
from typing import Any

from contracts.questions import Question

from .hints import pick
from .intents import Intent, injects_roles

TECHNIQUES_FILE = Path(__file__).parent / "techniques.tsv"
MAX_INLINE_CHARS = 80
STOP_WORDS = frozenset("""a an the is are be can could would should will i you we it to of in on for and or
if what whats how do does there any my me this that with at by as so be about like just um uh input""".split())


def load_techniques(path: Path = TECHNIQUES_FILE) -> tuple[tuple[str, str, str], ...]:
    """(name, pattern, probing question) of each technique, most specific first."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return tuple((name, pattern, probe) for name, pattern, probe in (line.split("\t") for line in lines))


TECHNIQUES = load_techniques()
COMPLEXITY = re.compile(r"\bo\s*\(|\bo of\b|big o|linear|quadratic|n squared|n log n|log n|constant (time|space)"
                        r"|exponential|complexity", re.I)


def inline(value: Any) -> str:
    text = json.dumps(value)
    return text if len(text) <= MAX_INLINE_CHARS else text[:MAX_INLINE_CHARS - 3] + "..."


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP_WORDS and len(w) > 2}


def faq_answer(question: Question, text: str) -> str | None:
    """The problem's own answer to a question it anticipated, matched by its keywords."""
    lowered = text.lower()
    best = max(question.faq, key=lambda f: sum(k.lower() in lowered for k in f.keywords), default=None)
    if best and any(k.lower() in lowered for k in best.keywords):
        return best.answer
    return None


def answer_clarifying(question: Question, intent: Intent, text: str) -> str:
    if (answer := faq_answer(question, text)) is not None:
        return answer
    match intent:
        case Intent.CLARIFY_LIMITS:
            return limits_answer(question, text)
        case Intent.CLARIFY_EDGE_CASES:
            return edge_case_answer(question, text)
        case Intent.CLARIFY_OUTPUT:
            return f"{question.output_format} " + pick(
                ("Does that answer it?", "Anything else about the output?", "Is that clear?"), text)
        case Intent.CLARIFY_EXAMPLES:
            return example_answer(question, text)
    return assumptions_answer(question, text)


def limits_answer(question: Question, text: str) -> str:
    opener = pick(("Here are the limits:", "Good question. The constraints are:", "The input stays within these:"),
                  text)
    closer = pick(("Work out how many steps your approach takes at the largest size.",
                   "Use the largest size to judge what running time is fast enough.",
                   "The biggest tests go right up to those limits."), text + "!")
    return f"{opener} {'; '.join(question.constraints)}. {closer}"


ABOUT_DUPLICATES = re.compile(r"duplicat|repeat|same (value|number|element)|distinct|unique", re.I)


def duplicates_answer(question: Question, text: str) -> str | None:
    """A question about duplicates that the problem's notes do not settle: unless something guarantees
    distinct values, duplicates are allowed, and an interviewer says so."""
    if not ABOUT_DUPLICATES.search(text):
        return None
    stated = [note for note in (*question.edge_cases, *question.constraints) if ABOUT_DUPLICATES.search(note)]
    if stated:
        return " ".join(stated[:2]) + " " + pick(("Keep that in mind when you test.", "Worth a test of its own."), text)
    return pick(("Nothing in the problem promises distinct values, so yes, duplicates can appear. Make sure your "
                 "approach handles repeated values.",
                 "Yes, repeats are possible: the problem never says the values are distinct. Plan for them."), text)


ABOUT_EMPTY = re.compile(r"\bempty\b|\bno (elements|items|input)\b|\bblank\b|at least one", re.I)
LOWER_BOUND = re.compile(r"^\s*(\d+)\s*(<=|≤|<)")
SIZE_BOUND = re.compile(r"\.length\b|\blen\(|\bsize\b|\bnumber of\b|\brows\b|\bcolumns\b|\bnodes\b|^\s*\d+\s*(<=|≤|<)\s*[nmk]\s*(<=|≤|<|=)")


def empty_answer(question: Question, text: str) -> str | None:
    """A question about empty input that the notes do not settle, answered from the constraints' lower
    bounds ("1 <= n" means never empty)."""
    if not ABOUT_EMPTY.search(text) or any(re.search(r"empty", note, re.I) for note in question.edge_cases):
        return None
    bounded = [c for c in question.constraints if (m := LOWER_BOUND.match(c)) and int(m.group(1)) >= 1
               and SIZE_BOUND.search(c)]  # a bound on a size, not on a value ("1 <= keys[i]" says nothing)
    if not bounded:
        return None
    return (f"No, it's never empty: {bounded[0]}. "
            + pick(("So you can skip that check, but say so in your code.", "You can rely on that."), text))


def edge_case_answer(question: Question, text: str) -> str:
    """The edge-case notes that share the most words with the question; all of them if none do."""
    if (answer := duplicates_answer(question, text) or empty_answer(question, text)) is not None:
        return answer
    asked = content_words(text)
    scored = sorted(question.edge_cases, key=lambda note: -len(asked & content_words(note)))
    relevant = [note for note in scored if asked & content_words(note)]
    notes = relevant[:2] or question.edge_cases[:3]
    return " ".join(notes) + " " + pick(("Keep those cases in mind when you test.",
                                         "Good to think about those early.", "Worth a test case of its own."), text)


def example_answer(question: Question, text: str) -> str:
    number = re.search(r"\b(2|two|second)\b", text.lower()) and len(question.sample_tests) > 1
    index = 1 if number else 0
    sample = question.sample_tests[index]
    return (f"Take example {index + 1}: the input {inline(sample.input)} gives {inline(sample.expected)}. "
            + pick(("Walk me through why you think that is.", "Can you explain how it gets there?",
                    "Try tracing it by hand and tell me what you see."), text))


def assumptions_answer(question: Question, text: str) -> str:
    return (pick(("You can rely on what the statement and the constraints guarantee:",
                  "Assume only what the problem guarantees:", "Here's what you can count on:"), text)
            + f" {'; '.join(question.constraints)}. "
            + pick(("Beyond that, any standard library and extra memory are fine; just tell me what they cost.",
                    "Otherwise, use whatever your language offers, and tell me the cost of your choices.",
                    "Anything else is your call; say what you assume and why."), text))


def techniques_named(text: str) -> list[tuple[str, str]]:
    """(name, probing question) of each technique the candidate mentioned, in the order they said them."""
    lowered = text.lower()
    found = []
    for name, pattern, probe in TECHNIQUES:
        if match := re.search(pattern, lowered):
            found.append((match.start(), name, probe))
    return [(name, probe) for _, name, probe in sorted(found)]


def thinking_aloud_reply(question: Question, text: str) -> str:
    """Engage with what was said: the technique named, the complexity claimed, a pitfall of the problem."""
    named = techniques_named(text)
    largest = question.constraints[0]
    if COMPLEXITY.search(text):
        claim = f"With {largest}, is that fast enough, and where does the cost come from?"
        if not named:
            return f"You're estimating the cost, good. {claim}"
        return f"{named[0][0].capitalize()}, and you've thought about the cost. {claim}"
    if not named:
        return pick(("Okay, go on. Which data structure would you use, and what would it cost?",
                     "Keep going. How would that work on the first example?",
                     "Alright. What would the time and space complexity be?"), text)
    names = " and ".join(name for name, _ in named[:2])
    # A brute force is the part worth probing: its cost is what the constraints rule on.
    probe = next((p for name, p in named if name == "a brute force"), named[0][1])
    reply = pick((f"{names[0].upper()}{names[1:]}, okay.", f"So {names}.", f"Alright, {names}."), text) + " " + probe
    if pitfall := relevant_pitfall(question, text):
        reply += f" And watch out for this one: {pitfall[0].lower()}{pitfall[1:]}"
    return reply


def relevant_pitfall(question: Question, text: str) -> str | None:
    said = content_words(text)
    return next((p for p in question.pitfalls if said & content_words(p)), None)


def refuse_solution(text: str) -> str:
    lowered = text.lower()
    if injects_roles(text):
        return ("That reads like a script for my side of the conversation, but I'm still your interviewer and I "
                "won't hand over the solution. Tell me your current idea, or ask for a hint and I'll nudge you.")
    if re.search(r"hidden|test (case|input)s?|expected output", lowered):
        return ("The hidden tests stay hidden, that's part of the exercise. What I can do is answer questions about "
                "the input, or you can write your own test for a case you're unsure about.")
    if re.search(r"ignore|instruction|system prompt|developer mode|override|pretend|roleplay|disregard", lowered):
        return ("Nice try! I'll stay your interviewer, so no solution from me. Tell me how you're thinking about "
                "it, or ask for a hint and I'll nudge you forward.")
    return pick((
        "I hear you, you'd like me to just give you the solution. I can't do that in an interview, but I can help "
        "you get there: ask me for a hint, or talk me through a brute force and we'll improve it together.",
        "I know it's tempting to ask for the solution. I won't write it for you, but I'm happy to help: tell me what "
        "you've tried, or ask for a hint and I'll point you in a direction.",
        "Understood, you want the solution. That's the part I have to leave to you. Let's get you unstuck instead: "
        "describe the simplest approach you can think of, or ask me for a hint.",
    ), text)


def small_talk_reply(text: str) -> str:
    if re.search(r"\b(thanks|thank you|cheers)\b", text.lower()):
        return pick(("You're welcome. Let's keep going: what are you thinking?",
                     "Of course. Back to the problem whenever you're ready."), text)
    if re.search(r"\b(hi|hello|hey|morning|afternoon|evening)\b", text.lower()):
        return pick(("Hi! Glad you're here. Let's focus on the problem: what's your first impression?",
                     "Hello! When you're ready, tell me how you'd start."), text)
    return pick(("Ha, good one. Let's bring it back to the problem: where are you with it?",
                 "Let's keep our focus on the problem for now. What are you thinking?",
                 "I'd love to chat, but let's stay on the problem. What's your next step?"), text)


def not_understood_reply(text: str) -> str:
    return pick(("Sorry, I didn't catch that. Could you say it again?",
                 "I didn't quite catch that. Could you rephrase it?",
                 "Sorry, I didn't get that. What did you mean?"), text)


def echo_reply(text: str) -> str:
    """The candidate said the interviewer's words back: hand the turn back without taking it as progress."""
    return pick(("That's what I said, yes. Now tell me in your own words: how would you start?",
                 "You've repeated my words back to me. What do you think about it yourself?",
                 "Right, that was me. I'd like to hear your take: what's your first idea?"), text)


def in_english(language: str, reply: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """A message in another language is answered in English, as an interview held in English is: what was
    understood is answered, and the candidate is told, kindly, which language the interview runs in. A
    message the model could not read gets a request to ask again in English instead of "I didn't catch that"."""
    first = next((block for block in reply if "text" in block), None)
    if first is not None and first["text"] == not_understood_reply(text):
        note = (f"Sorry, I only understand a little {language}, and this interview runs in English. "
                "Could you ask me that in English?")
        return [{"text": note} if block is first else block for block in reply]
    note = "This interview runs in English, so I'll answer in English."
    if first is None:
        return [{"text": note}, *reply]
    return [{"text": f"{note} {first['text']}"} if block is first else block for block in reply]
