/**
 * TypeScript mirror of the Python contracts in `contracts/contracts/events.py` and `sandbox.py`.
 * Those Pydantic models are the source of truth; keep these names and fields in step with them.
 */

// ---- enums -----------------------------------------------------------------------------------

export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const LANGUAGES = ["python", "javascript", "cpp", "java", "go"] as const;
export type Language = (typeof LANGUAGES)[number];

export const PHASES = ["greeting", "clarifying", "observing", "nudging", "reviewing", "wrapping_up"] as const;
export type Phase = (typeof PHASES)[number];

export type RunMode = "run" | "submit";

/** `contracts.questions.Topic`: an optional focus for the question picker. */
export const TOPICS = [
  "arrays_hashing",
  "two_pointers",
  "sliding_window",
  "stack",
  "binary_search",
  "linked_list",
  "trees",
  "tries",
  "heaps",
  "graphs",
  "bfs_dfs",
  "union_find",
  "intervals",
  "greedy",
  "backtracking",
  "dp_1d",
  "dp_2d",
  "bit_manipulation",
  "design",
  "math",
  "strings",
  "sorting",
] as const;
export type Topic = (typeof TOPICS)[number];

export type Verdict =
  | "accepted"
  | "wrong_answer"
  | "time_limit_exceeded"
  | "memory_limit_exceeded"
  | "runtime_error"
  | "compilation_error"
  | "output_limit_exceeded"
  | "internal_error";

// ---- sandbox results (contracts/sandbox.py) ----------------------------------------------------

export interface RuntimeErrorInfo {
  type: string;
  message: string;
  line: number | null;
}

export interface TestResult {
  test_id: string;
  verdict: Verdict;
  time_ms: number;
  memory_kb: number;
  actual: unknown;
  stdout: string;
  stderr: string;
  error: RuntimeErrorInfo | null;
  hidden: boolean;
  category: string | null;
}

export interface SandboxResult {
  verdict: Verdict;
  tests: TestResult[];
  passed: number;
  total: number;
  compile_output: string;
  time_ms: number;
  message: string;
}

// ---- REST --------------------------------------------------------------------------------------

export interface CreateSessionRequest {
  difficulty: Difficulty;
  language: Language;
  topic?: Topic;
}

export interface CreateSessionResponse {
  session_id: string;
  token: string;
}

/** `contracts.http.SessionView`. */
export interface SessionInfo {
  session_id: string;
  difficulty: Difficulty;
  language: Language;
  topic: Topic | null;
  status: string;
  phase: Phase | null;
  question_id: string | null;
  hint_level: number;
  last_seq: number;
  created_at: string;
}

/** `contracts.http.HttpError`: the body of every failed API call. */
export interface HttpError {
  error: string;
  message: string;
}

// ---- client → server events ---------------------------------------------------------------------

type ClientEventOf<T extends string, P> = { type: T; message_id?: string; payload: P };

export type EmptyPayload = Record<string, never>;

export type StartInterviewEvent = ClientEventOf<"start_interview", EmptyPayload>;
export type SendMessageEvent = ClientEventOf<"send_message", { text: string }>;
export type SendVoiceEvent = ClientEventOf<"send_voice", { transcript: string; confidence: number; language: string }>;
export type RunCodeEvent = ClientEventOf<"run_code", { code: string; language: Language; mode: RunMode }>;
export type CodeSnapshotEvent = ClientEventOf<"code_snapshot", { code: string; language: Language }>;
export type RequestFeedbackEvent = ClientEventOf<"request_feedback", { code: string; language: Language | null }>;
export type HeartbeatEvent = ClientEventOf<"heartbeat", EmptyPayload>;
/** Mute or unmute the interviewer's voice: a muted session gets no speech synthesized. */
export type SetVoiceEvent = ClientEventOf<"set_voice", { muted: boolean }>;

export type ClientEvent =
  | StartInterviewEvent
  | SendMessageEvent
  | SendVoiceEvent
  | RunCodeEvent
  | CodeSnapshotEvent
  | RequestFeedbackEvent
  | HeartbeatEvent
  | SetVoiceEvent;

export type ClientEventType = ClientEvent["type"];

// ---- server → client events ---------------------------------------------------------------------

export interface SessionReadyPayload {
  session_id: string;
  difficulty: Difficulty;
  language: Language;
  phase: Phase;
  resumed_after_seq: number | null;
}

export interface InterviewerMsgPayload {
  turn_id: string;
  kind: "delta" | "complete";
  text: string;
}

export interface PublicTest {
  id: string;
  input: Record<string, unknown> | null;
  expected: unknown;
}

export interface ProblemPresentedPayload {
  question_id: string;
  title: string;
  difficulty: Difficulty;
  statement_md: string;
  starter_code: string;
  language: Language;
  sample_tests: PublicTest[];
}

export interface VoiceAudioPayload {
  turn_id: string;
  index: number;
  format: string;
  audio_b64: string;
  text: string;
}

export interface CodeResultPayload {
  submission_id: string;
  mode: RunMode;
  language: Language;
  result: SandboxResult;
}

export interface AgentThinkingPayload {
  turn_id: string;
  status: "thinking" | "running" | "done";
  tool: string | null;
}

export interface PhaseChangePayload {
  from_phase: Phase | null;
  to_phase: Phase;
}

export interface ErrorPayload {
  code: string;
  message: string;
  ref_message_id: string | null;
}

export type HireSignal = "strong_no" | "no" | "yes" | "strong_yes";

export interface FeedbackScore {
  dimension: string;
  /** 1 (poor) to 4 (excellent). */
  score: number;
  justification: string;
}

export interface FeedbackResult {
  summary: string;
  complexity: string;
  edge_cases: string[];
  improvements: string[];
  scores: FeedbackScore[];
  hire_signal: HireSignal;
  practice_next: string[];
}

export interface FeedbackResultPayload {
  request_id: string;
  feedback: FeedbackResult;
}

interface ServerEventOf<T extends string, P> {
  type: T;
  message_id: string;
  session_id: string;
  /** ISO 8601. */
  timestamp: string;
  /** Per-session sequence number; null for connection-local events (heartbeat_ack, frame errors). */
  seq: number | null;
  payload: P;
}

export type ServerEvent =
  | ServerEventOf<"session_ready", SessionReadyPayload>
  | ServerEventOf<"interviewer_msg", InterviewerMsgPayload>
  | ServerEventOf<"problem_presented", ProblemPresentedPayload>
  | ServerEventOf<"voice_audio", VoiceAudioPayload>
  | ServerEventOf<"code_result", CodeResultPayload>
  | ServerEventOf<"feedback_result", FeedbackResultPayload>
  | ServerEventOf<"agent_thinking", AgentThinkingPayload>
  | ServerEventOf<"agent_phase_change", PhaseChangePayload>
  | ServerEventOf<"error", ErrorPayload>
  | ServerEventOf<"heartbeat_ack", EmptyPayload>;

export type ServerEventType = ServerEvent["type"];

export const SERVER_EVENT_TYPES: readonly ServerEventType[] = [
  "session_ready",
  "interviewer_msg",
  "problem_presented",
  "voice_audio",
  "code_result",
  "feedback_result",
  "agent_thinking",
  "agent_phase_change",
  "error",
  "heartbeat_ack",
];

// ---- report (feedback issue; shape provisional) -------------------------------------------------

/**
 * What `GET /api/sessions/{id}/report` is expected to return. The report API belongs to a later issue,
 * so every field beyond `session_id` is optional and the report page renders whatever is present.
 */
export interface SessionReport {
  session_id: string;
  session?: Partial<SessionInfo>;
  feedback?: FeedbackResult | null;
  question?: { question_id?: string; title?: string; difficulty?: Difficulty } | null;
  submissions?: Array<{ submission_id?: string; mode?: RunMode; verdict?: Verdict; passed?: number; total?: number }>;
  transcript?: Array<{ role: string; text: string }>;
}
