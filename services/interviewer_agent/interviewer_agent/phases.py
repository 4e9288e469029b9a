"""The interview's phase machine: pure functions from what happened to the next phase.

    GREETING ─(problem presented)─▶ CLARIFYING ─(a plan, or code)─▶ OBSERVING
    any of those ─(hint asked for / given)─▶ NUDGING   (asked: the intent model's hint_request, or the button)
    (the interviewer's own words said back by the candidate are neither a hint request nor a plan)
    any ─(code submitted)─▶ REVIEWING ─(accepted)─▶ WRAPPING_UP
                                      └(not yet)──▶ OBSERVING

The phase is decided three times a turn: from the candidate's input (it picks the prompt), after each
tool result (so an accepted submission is wrapped up in the same turn) and when the turn ends.
"""

from contracts.bus import (
    CandidateAction,
    CandidateMessageAction,
    CodeRunAction,
    HintRequestAction,
)
from contracts.events import Phase, RunMode
from contracts.sandbox import Verdict

from .intents import Intent, classify, repeats_interviewer

# Phases in which the candidate is working and a long silence earns a check-in.
WORKING_PHASES = (Phase.CLARIFYING, Phase.OBSERVING, Phase.NUDGING)


def means(text: str, intent: Intent, interviewer_said: str | None) -> bool:
    """The candidate's own words mean `intent`; the interviewer's words said back mean nothing new."""
    return not repeats_interviewer(text, interviewer_said) and classify(text).intent is intent


def asks_for_hint(text: str, interviewer_said: str | None = None) -> bool:
    return means(text, Intent.HINT_REQUEST, interviewer_said)


def states_a_plan(text: str, interviewer_said: str | None = None) -> bool:
    return means(text, Intent.THINKING_ALOUD, interviewer_said)


def phase_for_input(phase: Phase | None, action: CandidateAction, *, has_question: bool,
                    started_coding: bool, interviewer_said: str | None = None) -> Phase:
    """The phase a turn runs in, given what the candidate just did."""
    if not has_question:
        return Phase.GREETING
    phase = phase or Phase.CLARIFYING
    if phase is Phase.CLARIFYING and started_coding:  # code in the editor: the candidate has moved on
        phase = Phase.OBSERVING
    match action:
        case CodeRunAction(mode=RunMode.SUBMIT):
            return Phase.REVIEWING
        case HintRequestAction() if phase in WORKING_PHASES:
            return Phase.NUDGING
        case CandidateMessageAction(text=text) if phase in WORKING_PHASES and asks_for_hint(text, interviewer_said):
            return Phase.NUDGING
    return phase


def phase_after_tool(phase: Phase, tool: str, result: dict) -> Phase:
    """A tool result can move the interview on mid-turn."""
    if tool == "get_hint" and phase in WORKING_PHASES and not result.get("error"):
        return Phase.NUDGING
    if tool == "assess_solution" and result.get("verdict") == Verdict.ACCEPTED.value:
        return Phase.WRAPPING_UP
    return phase


def phase_after_turn(phase: Phase, action: CandidateAction, *, has_question: bool,
                     interviewer_said: str | None = None) -> Phase:
    """Where the interview stands once the interviewer has answered (`interviewer_said`: its words before
    the candidate's input, so an echo of them is not taken for a plan)."""
    if phase is Phase.GREETING and has_question:
        return Phase.CLARIFYING
    if (phase is Phase.CLARIFYING and isinstance(action, CandidateMessageAction)
            and states_a_plan(action.text, interviewer_said)):
        return Phase.OBSERVING
    if phase is Phase.REVIEWING:  # submitted but not accepted (acceptance wraps up straight away)
        return Phase.OBSERVING
    return phase
