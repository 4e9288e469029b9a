/**
 * The browser's names for the contracts' types. The types themselves are generated from the Python
 * contracts (`contracts/contracts/*.py`) into `./generated/contracts.ts` by `scripts/web_types.py`
 * (run by `scripts/build-web.sh`); a test fails when that file is stale. Only what the contracts do not
 * say lives here: the browser's own views of the same data.
 */
import type { ClientEvent, FeedbackResult, InterviewReport as ContractReport, SpeakingAnalytics } from "./generated/contracts";
import {
  DIFFICULTY_VALUES,
  LANGUAGE_VALUES,
  PHASE_VALUES,
  SERVER_EVENT_TYPE_VALUES,
  TOPIC_VALUES,
} from "./generated/contracts";

export type {
  AgentThinkingPayload,
  AudioChunkPayload,
  HealthResponse as HealthStatus,
  SpeakingAnalytics,
  SpeakingMoment,
  SpokenWord as TranscriptWord,
  TranscriptFinalPayload,
  TranscriptPartialPayload,
  ClientEvent,
  CodeResultPayload,
  CodeVersion,
  ComplexityMeasurement,
  CreateSessionRequest,
  CreateSessionResponse,
  Difficulty,
  EdgeCaseCategory,
  EmptyPayload,
  ErrorPayload,
  FeedbackResult,
  FeedbackResultPayload,
  FeedbackScore,
  HintGivenPayload,
  HttpError,
  InterviewEndedPayload,
  InterviewerMsgPayload,
  Language,
  Phase,
  PhaseChangePayload,
  PhaseTime,
  ProblemPresentedPayload,
  PublicTest,
  ReportQuestion,
  ReportTest,
  RunMode,
  RuntimeErrorInfo,
  SandboxResult,
  ServerEvent,
  ServerEventType,
  SessionReadyPayload,
  SessionView,
  SizeTiming,
  Suggestion,
  TestResult,
  TestRun,
  Topic,
  TranscriptEntry,
  Verdict,
  VoiceAudioPayload,
} from "./generated/contracts";
export { MAX_SOURCE_BYTES, MAX_TEXT_CHARS } from "./generated/contracts";

export const DIFFICULTIES = DIFFICULTY_VALUES;
export const LANGUAGES = LANGUAGE_VALUES;
export const PHASES = PHASE_VALUES;
export const TOPICS = TOPIC_VALUES;
export const SERVER_EVENT_TYPES = SERVER_EVENT_TYPE_VALUES;

export type ClientEventType = ClientEvent["type"];
export type HireSignal = FeedbackResult["hire_signal"];
export type SuggestionKind = FeedbackResult["suggestions"][number]["kind"];

export type SpeakingMomentKind = SpeakingAnalytics["moments"][number]["kind"];

/**
 * `contracts.reports.InterviewReport`; the speaking analytics (issue 21) travel in its scorecard
 * (`scorecard.speaking`), and a report that carries them at the top level is read too.
 */
export interface InterviewReport extends ContractReport {
  speaking?: SpeakingAnalytics | null;
}

/** The report endpoint's answer as the browser sees it: the report, or why there is none yet. */
export type ReportStatus =
  | { status: "ready"; report: InterviewReport }
  | { status: "preparing" }
  | { status: "in_progress" }
  | { status: "not_found"; message: string };
