"""The interview's phase machine: pure functions from what happened to the next phase.

    GREETING ─(problem presented)─▶ CLARIFYING ─(a plan, or code)─▶ OBSERVING
    any of those ─(hint asked for / given)─▶ NUDGING
    any ─(code submitted)─▶ REVIEWING ─(accepted)─▶ WRAPPING_UP
                                      └(not yet)──▶ OBSERVING

The phase is decided three times a turn: from the candidate's input (it picks the prompt), after each
tool result (so an accepted submission is wrapped up in the same turn) and when the turn ends.
"""

import re

from contracts.bus import CandidateAction, CandidateMessageAction, CodeRunAction, CodeSnapshotAction
from contracts.events import Phase, RunMode
from contracts.sandbox import Verdict

HINT_WORDS = re.compile(r"\b(hint|stuck|help|no idea|not sure|clue)\b", re.I)
PLAN_WORDS = re.compile(
    r"\b(i('| wi)ll|i would|i'd|my (plan|approach|idea)|let me|i think|going to|approach|start coding)\b", re.I)

# Phases in which the candidate is working and a long silence earns a check-in.
WORKING_PHASES = (Phase.CLARIFYING, Phase.OBSERVING, Phase.NUDGING)


def asks_for_hint(text: str) -> bool:
    return bool(HINT_WORDS.search(text))


def states_a_plan(text: str) -> bool:
    return bool(PLAN_WORDS.search(text))


def phase_for_input(phase: Phase | None, action: CandidateAction, *, has_question: bool,
                    started_coding: bool) -> Phase:
    """The phase a turn runs in, given what the candidate just did."""
    if not has_question:
        return Phase.GREETING
    phase = phase or Phase.CLARIFYING
    match action:
        case CodeRunAction(mode=RunMode.SUBMIT):
            return Phase.REVIEWING
        case CodeRunAction() | CodeSnapshotAction() if phase is Phase.CLARIFYING and started_coding:
            return Phase.OBSERVING
        case CandidateMessageAction(text=text) if phase in WORKING_PHASES and asks_for_hint(text):
            return Phase.NUDGING
    return phase


def phase_after_tool(phase: Phase, tool: str, result: dict) -> Phase:
    """A tool result can move the interview on mid-turn."""
    if tool == "get_hint" and phase in WORKING_PHASES and not result.get("error"):
        return Phase.NUDGING
    if tool == "assess_solution" and result.get("verdict") == Verdict.ACCEPTED.value:
        return Phase.WRAPPING_UP
    return phase


def phase_after_turn(phase: Phase, action: CandidateAction, *, has_question: bool) -> Phase:
    """Where the interview stands once the interviewer has answered."""
    if phase is Phase.GREETING and has_question:
        return Phase.CLARIFYING
    if phase is Phase.CLARIFYING and isinstance(action, CandidateMessageAction) and states_a_plan(action.text):
        return Phase.OBSERVING
    if phase is Phase.REVIEWING:  # submitted but not accepted (acceptance wraps up straight away)
        return Phase.OBSERVING
    return phase
