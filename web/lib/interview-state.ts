/**
 * The interview room's state as a pure reducer over server events and local actions, so the rules
 * (streaming text, replay after reload, which run result is the latest) are testable without a browser.
 */
import { describeServerError } from "./error-messages";
import type {
  ClientEventType,
  FeedbackResult,
  Language,
  Phase,
  ProblemPresentedPayload,
  RunMode,
  SandboxResult,
  ServerEvent,
  TranscriptFinalPayload,
} from "./types";

export interface ChatMessage {
  id: string;
  role: "interviewer" | "candidate" | "system";
  text: string;
  /** Interviewer text still streaming in. */
  streaming?: boolean;
  /** The candidate talked over this reply (barge-in): it holds what was said before the cut. */
  interrupted?: boolean;
  viaVoice?: boolean;
  /** A spoken acknowledgement ("mm-hm"): shown, but not a turn the interviewer answers. */
  backchannel?: boolean;
  /** Why the server refused this candidate message: shown in place of "sent". */
  failed?: string;
}

export interface RunRecord {
  submissionId: string;
  mode: RunMode;
  language: Language;
  result: SandboxResult;
}

export interface AgentActivity {
  turnId: string;
  status: "thinking" | "running";
  tool: string | null;
}

/** A message the candidate just sent, shown at once; the server's record keeps it from then on. */
export interface LocalMessage {
  id: string;
  text: string;
  viaVoice?: boolean;
}

export interface HintCount {
  used: number;
  /** Hint levels the problem has (the server says so with each hint; 3 until then). */
  max: number;
  /** The hint button was pressed and no hint (or refusal) has come back yet. */
  pending: boolean;
}

export interface InterviewState {
  phase: Phase | null;
  ready: boolean;
  problem: ProblemPresentedPayload | null;
  chat: ChatMessage[];
  activity: AgentActivity | null;
  runs: RunRecord[];
  /** A run or submit sent and not answered yet. */
  pendingRun: RunMode | null;
  feedback: { status: "idle" | "pending" | "ready"; result: FeedbackResult | null };
  /** Errors not tied to something shown in place, in human words. */
  errors: { code: string; message: string }[];
  hints: HintCount;
  voiceMuted: boolean;
  /** What the server's recognition has heard so far of the utterance in progress. */
  partial: { utteranceId: string; text: string } | null;
  /** Every finished utterance the server recognised, oldest first (for the live speaking figures). */
  utterances: TranscriptFinalPayload[];
}

export const initialInterviewState: InterviewState = {
  phase: null,
  ready: false,
  problem: null,
  chat: [],
  activity: null,
  runs: [],
  pendingRun: null,
  feedback: { status: "idle", result: null },
  errors: [],
  hints: { used: 0, max: 3, pending: false },
  voiceMuted: false,
  partial: null,
  utterances: [],
};

export type InterviewAction =
  /** `refType`: the type of the client event a server `error` refers to, when the page knows it. */
  | { type: "server"; event: ServerEvent; refType?: ClientEventType | null }
  | { type: "candidate_message"; message: LocalMessage }
  /** The room rebuilt from the server's record (`lib/timeline.ts`) on load: transcript, runs, hints. */
  | { type: "restore"; state: InterviewState }
  | { type: "run_requested"; mode: RunMode }
  | { type: "feedback_requested" }
  | { type: "hint_requested" }
  | { type: "set_voice_muted"; muted: boolean }
  | { type: "dismiss_error"; index: number };

const MAX_ERRORS = 5;

export function interviewReducer(state: InterviewState, action: InterviewAction): InterviewState {
  switch (action.type) {
    case "server":
      return applyServerEvent(state, action.event, action.refType ?? null);
    case "candidate_message":
      return { ...state, chat: [...state.chat, toChat(action.message)] };
    case "restore":
      return { ...action.state, voiceMuted: state.voiceMuted };
    case "run_requested":
      return { ...state, pendingRun: action.mode };
    case "feedback_requested":
      return { ...state, feedback: { ...state.feedback, status: "pending" } };
    case "hint_requested":
      return { ...state, hints: { ...state.hints, pending: true } };
    case "set_voice_muted":
      return { ...state, voiceMuted: action.muted };
    case "dismiss_error":
      return { ...state, errors: state.errors.filter((_, index) => index !== action.index) };
  }
}

function toChat(message: LocalMessage): ChatMessage {
  return { id: message.id, role: "candidate", text: message.text, viaVoice: message.viaVoice };
}

/**
 * The server's record of a candidate message (live, once the record logs them): the page already shows
 * its own message under the same id, so only a message from another tab or device is added.
 */
function applyCandidateRecord(state: InterviewState, payload: { text: string; spoken?: boolean; ref_message_id?: string }, seq: number | null): InterviewState {
  // The record of a message this page already shows: one it sent (by its id), or a spoken one shown from
  // its `transcript_final` (the server's record of speech refers to the utterance).
  const ref = payload.ref_message_id;
  if (ref && state.chat.some((message) => message.id === ref || message.id === `utterance-${ref}`)) return state;
  const id = payload.ref_message_id ?? `candidate-${seq ?? state.chat.length}`;
  return { ...state, chat: [...state.chat, { id, role: "candidate", text: payload.text, viaVoice: Boolean(payload.spoken) }] };
}

function applyServerEvent(state: InterviewState, event: ServerEvent, refType: ClientEventType | null): InterviewState {
  switch (event.type) {
    case "session_ready":
      return { ...state, ready: true, phase: event.payload.phase };
    case "interviewer_msg": {
      const chat = applyInterviewerText(state.chat, event.payload);
      // A finished reply answers a pending hint request too (e.g. "that was the last hint").
      const hints = event.payload.kind === "complete" ? { ...state.hints, pending: false } : state.hints;
      return { ...state, chat, hints };
    }
    case "hint_given": {
      const used = Math.max(state.hints.used, event.payload.hints_used);
      return { ...state, hints: { used, max: event.payload.max_level || state.hints.max, pending: false } };
    }
    case "problem_presented":
      return { ...state, problem: event.payload };
    case "agent_thinking": {
      const { turn_id, status, tool } = event.payload;
      return { ...state, activity: status === "done" ? null : { turnId: turn_id, status, tool } };
    }
    case "agent_phase_change":
      return { ...state, phase: event.payload.to_phase };
    case "code_result": {
      const { submission_id, mode, language, result } = event.payload;
      const runs = [...state.runs.filter((run) => run.submissionId !== submission_id)];
      runs.push({ submissionId: submission_id, mode, language, result });
      return { ...state, runs, pendingRun: null };
    }
    case "feedback_result":
      return { ...state, feedback: { status: "ready", result: event.payload.feedback } };
    case "transcript_partial":
      if (state.utterances.some((done) => done.utterance_id === event.payload.utterance_id)) return state;
      return { ...state, partial: { utteranceId: event.payload.utterance_id, text: event.payload.text } };
    case "transcript_final":
      return applyFinalTranscript(state, event.payload);
    case "error":
      return applyError(state, event.payload, refType);
    case "candidate_message":
      return applyCandidateRecord(state, event.payload, event.seq);
    case "voice_audio":
    case "heartbeat_ack":
      return state;
    default:
      return state; // event types added to the contract later are ignored, not fatal
  }
}

/**
 * The server takes a final transcript as the candidate's message (it is not sent again), so it
 * joins the chat here, once, even when a reconnect replays it.
 */
function applyFinalTranscript(state: InterviewState, payload: TranscriptFinalPayload): InterviewState {
  const partial = state.partial?.utteranceId === payload.utterance_id ? null : state.partial;
  if (state.utterances.some((done) => done.utterance_id === payload.utterance_id)) return { ...state, partial };
  const text = payload.text.trim();
  const message: ChatMessage = { id: `utterance-${payload.utterance_id}`, role: "candidate", text, viaVoice: true };
  if (payload.backchannel) message.backchannel = true;
  const chat = text ? [...state.chat, message] : state.chat;
  return { ...state, chat, partial, utterances: [...state.utterances, payload] };
}

/**
 * A refused chat message is marked in place (never left looking sent); anything else becomes a banner
 * in human words. Only an error about a run ends the wait for a run's result.
 */
function applyError(
  state: InterviewState,
  error: { code: string; message: string; ref_message_id: string | null },
  refType: ClientEventType | null,
): InterviewState {
  const text = describeServerError(error.code, refType);
  const ref = error.ref_message_id;
  if (ref && state.chat.some((message) => message.id === ref && message.role === "candidate")) {
    return { ...state, chat: state.chat.map((message) => (message.id === ref ? { ...message, failed: text } : message)) };
  }
  const errors = [...state.errors.filter((existing) => existing.message !== text), { code: error.code, message: text }];
  return {
    ...state,
    errors: errors.slice(-MAX_ERRORS),
    pendingRun: refType === null || refType === "run_code" ? null : state.pendingRun,
    hints: refType === "request_hint" ? { ...state.hints, pending: false } : state.hints,
  };
}

/**
 * Deltas append to the turn's message. The closing `complete` frame may carry the whole reply or only
 * a last piece; either way the message ends up holding the full text exactly once.
 */
function applyInterviewerText(
  chat: ChatMessage[],
  payload: { turn_id: string; kind: "delta" | "complete"; text: string; interrupted?: boolean },
): ChatMessage[] {
  const id = `turn-${payload.turn_id}`;
  const index = chat.findIndex((message) => message.id === id);
  const existing = index >= 0 ? chat[index].text : "";
  let text: string;
  if (payload.kind === "delta") {
    text = existing + payload.text;
  } else if (collapseSpaces(payload.text).startsWith(collapseSpaces(existing))) {
    text = payload.text; // the whole reply (the interviewer agent joins its sentences with single spaces)
  } else {
    text = existing + payload.text;
  }
  const message: ChatMessage = { id, role: "interviewer", text, streaming: payload.kind === "delta" };
  if (payload.kind === "complete" && payload.interrupted) message.interrupted = true;
  if (index < 0) return [...chat, message];
  return chat.map((current, position) => (position === index ? message : current));
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The newest result of a given mode, for the results panel. */
export function latestRun(state: InterviewState, mode?: RunMode): RunRecord | null {
  for (let index = state.runs.length - 1; index >= 0; index -= 1) {
    if (!mode || state.runs[index].mode === mode) return state.runs[index];
  }
  return null;
}
