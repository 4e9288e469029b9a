"""The feedback agent: gather evidence with its three tools, score it on the rubric, and on wrap-up
assemble the final report. Transport-free: the sandbox is an async callable and the store is passed in.

Tools (the same names the product plan gives them):
- `analyze_complexity`: measured growth of time against n (see `complexity.py`)
- `check_edge_cases`: pass counts per hidden-test category (see `edge_cases.py`)
- `suggest_improvements`: line-referenced suggestions (see `suggestions.py`)
"""

import asyncio
import hashlib
import logging
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime

from contracts.events import (
    ComplexityMeasurement,
    EdgeCaseCategory,
    FeedbackResult,
    RunMode,
    ServerEventType,
    Suggestion,
)
from contracts.questions import Question
from contracts.reports import HintUse, InterviewReport
from contracts.sandbox import Language, SandboxRequest, SandboxResult, Verdict
from persistence.models import InterviewSession, TranscriptMessage
from persistence.store import InterviewStore
from question_bank.bank import QuestionBank

from .complexity import ComplexityProbe, RunInSandbox
from .edge_cases import category_results
from .hints import counted, hints_given
from .providers import OfflineWriter, ProseWriter
from .report import build_report
from .scorecard import Evidence, Quote, build_scorecard, no_code_scorecard
from .speaking import speaking_analytics
from .suggestions import nested_loop_line, suggest

log = logging.getLogger("feedback-agent")
MEASUREMENT_CACHE_SIZE = 64


@dataclass
class FeedbackOutcome:
    feedback: FeedbackResult
    report: InterviewReport | None = None


class FeedbackAgent:
    def __init__(self, bank: QuestionBank, run: RunInSandbox | None = None, *, writer: ProseWriter | None = None,
                 complexity_budget_s: float = 60.0):
        self.bank = bank
        self.run = run
        self.writer = writer or OfflineWriter()
        self.complexity_budget_s = complexity_budget_s
        self._measured: OrderedDict[str, ComplexityMeasurement] = OrderedDict()  # same code, same figures

    def with_sandbox(self, run: RunInSandbox) -> "FeedbackAgent":
        """The same agent (and measurement cache) reaching the sandbox through `run`, e.g. per session."""
        bound = FeedbackAgent(self.bank, run, writer=self.writer, complexity_budget_s=self.complexity_budget_s)
        bound._measured = self._measured
        return bound

    # ---- the three tools -------------------------------------------------------------------------

    async def analyze_complexity(self, question: Question, code: str, language: Language) -> ComplexityMeasurement:
        key = hashlib.sha256(f"{question.id}\0{language}\0{code}".encode()).hexdigest()
        if key in self._measured:
            return self._measured[key]
        probe = ComplexityProbe(self.bank, self.run)
        try:
            measured = await asyncio.wait_for(probe.analyze(question.id, code, language), self.complexity_budget_s)
        except TimeoutError:
            return ComplexityMeasurement(measured="unknown", expected=question.complexity.time, summary=(
                f"not measured: timing took over {self.complexity_budget_s:.0f} s; expected {question.complexity.time}"))
        self._measured[key] = measured
        while len(self._measured) > MEASUREMENT_CACHE_SIZE:
            self._measured.popitem(last=False)
        return measured

    async def check_edge_cases(self, question: Question, code: str, language: Language) -> tuple[SandboxResult, list[EdgeCaseCategory]]:
        result = await self.run(SandboxRequest(language=language, source=code, signature=question.signature,
                                               tests=self.bank.all_tests(question.id), limits=question.limits))
        return result, category_results(result)

    def suggest_improvements(self, code: str, language: Language, complexity: ComplexityMeasurement) -> list[Suggestion]:
        found = suggest(code, language)
        line = nested_loop_line(code, language) if complexity.matches_expected is False else None
        if line is not None:
            found.insert(0, Suggestion(line=line, kind="performance", text=(
                f"this loop inside a loop is where the measured {complexity.measured} comes from")))
        return found

    # ---- scorecard and report --------------------------------------------------------------------

    async def give_feedback(self, store: InterviewStore, session: InterviewSession, *, code: str,
                            language: Language, kind: str, report_id: str, ended_at: datetime) -> FeedbackOutcome:
        question = self.bank.question(session.question_id) if session.question_id else None
        result = None
        transcript = await store.transcript(session.id)
        hints = hints_given(transcript)
        if question is None:
            feedback = no_code_scorecard("There is no problem yet: start the interview first.",
                                         candidate_quotes(transcript), hints)
        elif not code.strip() or _untouched(question, code, language):
            feedback = no_code_scorecard("No code was written for the problem.", candidate_quotes(transcript), hints)
        else:
            feedback, result = await self._scorecard(store, session, question, code, language, transcript, hints)
        # Only the kinds of event each part needs (an index reads them without the rest of the log).
        speech = await store.events_of_type(session.id, ServerEventType.TRANSCRIPT_FINAL, ServerEventType.VOICE_AUDIO)
        speaking = speaking_analytics(speech, session.created_at)
        feedback = (await self.writer.polish(feedback)).model_copy(update={"kind": kind, "speaking": speaking})
        if kind != "final":
            return FeedbackOutcome(feedback)
        report = build_report(
            report_id=report_id, session=session, question=question, language=language, final_code=code,
            result=result, feedback=feedback, transcript=transcript, hints=hints,
            submissions=await store.submissions(session.id),
            events=await store.events_of_type(session.id, ServerEventType.AGENT_PHASE_CHANGE), ended_at=ended_at,
        )
        return FeedbackOutcome(feedback, report)

    async def _scorecard(self, store: InterviewStore, session: InterviewSession, question: Question, code: str,
                         language: Language, transcript: list[TranscriptMessage],
                         hints: list[HintUse]) -> tuple[FeedbackResult, SandboxResult]:
        result, categories = await self.check_edge_cases(question, code, language)
        if result.verdict in (Verdict.COMPILATION_ERROR, Verdict.INTERNAL_ERROR):
            complexity = ComplexityMeasurement(measured="unknown", expected=question.complexity.time,
                                               summary=f"not measured: {result.verdict.value.replace('_', ' ')}")
        else:
            complexity = await self.analyze_complexity(question, code, language)
        submissions = await store.submissions(session.id)
        submits = [i for i, s in enumerate(submissions) if s.mode == RunMode.SUBMIT.value]
        before_submit = submissions[: submits[0]] if submits else submissions
        evidence = Evidence(
            question=question, result=result, complexity=complexity, categories=categories,
            suggestions=self.suggest_improvements(code, language, complexity), hints=counted(hints),
            candidate_messages=candidate_quotes(transcript),
            sample_runs_before_submit=sum(1 for s in before_submit if s.mode == RunMode.RUN.value),
            submitted=bool(submits),
        )
        return build_scorecard(evidence), result


def candidate_quotes(transcript: list[TranscriptMessage]) -> list[Quote]:
    """The candidate's own words, with when they said them (never the interviewer's, never tool traffic)."""
    return [Quote(m.content, _aware(m.created_at)) for m in transcript if m.role == "candidate" and m.content.strip()]


def _untouched(question: Question, code: str, language: Language) -> bool:
    """The starter code as it was handed out is no attempt at the problem."""
    return code.split() == question.starter_code[language].split()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
