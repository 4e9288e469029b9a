/**
 * The interview room's state as a pure reducer over server events and local actions, so the rules
 * (streaming text, replay after reload, which run result is the latest) are testable without a browser.
 */
import type {
  FeedbackResult,
  Language,
  Phase,
  ProblemPresentedPayload,
  RunMode,
  SandboxResult,
  ServerEvent,
} from "./types";

export interface ChatMessage {
  id: string;
  role: "interviewer" | "candidate" | "system";
  text: string;
  /** Interviewer text still streaming in. */
  streaming?: boolean;
  viaVoice?: boolean;
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

/** A message the candidate sent, remembered locally because the server does not echo it back. */
export interface LocalMessage {
  id: string;
  text: string;
  viaVoice?: boolean;
  /** The resume point when it was sent: it belongs after the server event with this seq. */
  afterSeq: number;
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
  errors: { code: string; message: string }[];
  voiceMuted: boolean;
  /** Candidate messages from an earlier page load, waiting for their place in the replay. */
  unplaced: LocalMessage[];
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
  voiceMuted: false,
  unplaced: [],
};

export type InterviewAction =
  | { type: "server"; event: ServerEvent }
  | { type: "candidate_message"; message: LocalMessage }
  | { type: "restore_local"; messages: LocalMessage[] }
  | { type: "place_remaining_local" }
  | { type: "run_requested"; mode: RunMode }
  | { type: "feedback_requested" }
  | { type: "set_voice_muted"; muted: boolean }
  | { type: "dismiss_error"; index: number };

const MAX_ERRORS = 5;

export function interviewReducer(state: InterviewState, action: InterviewAction): InterviewState {
  switch (action.type) {
    case "server":
      return applyServerEvent(placeLocalBefore(state, action.event.seq), action.event);
    case "candidate_message":
      return { ...state, chat: [...state.chat, toChat(action.message)] };
    case "restore_local":
      return { ...state, unplaced: [...action.messages].sort((a, b) => a.afterSeq - b.afterSeq) };
    case "place_remaining_local":
      return { ...state, chat: [...state.chat, ...state.unplaced.map(toChat)], unplaced: [] };
    case "run_requested":
      return { ...state, pendingRun: action.mode };
    case "feedback_requested":
      return { ...state, feedback: { ...state.feedback, status: "pending" } };
    case "set_voice_muted":
      return { ...state, voiceMuted: action.muted };
    case "dismiss_error":
      return { ...state, errors: state.errors.filter((_, index) => index !== action.index) };
  }
}

function toChat(message: LocalMessage): ChatMessage {
  return { id: message.id, role: "candidate", text: message.text, viaVoice: message.viaVoice };
}

/** Before a replayed event with this seq, show the candidate messages sent before it. */
function placeLocalBefore(state: InterviewState, seq: number | null): InterviewState {
  if (seq === null || state.unplaced.length === 0) return state;
  const due = state.unplaced.filter((message) => message.afterSeq < seq);
  if (due.length === 0) return state;
  return {
    ...state,
    chat: [...state.chat, ...due.map(toChat)],
    unplaced: state.unplaced.filter((message) => message.afterSeq >= seq),
  };
}

function applyServerEvent(state: InterviewState, event: ServerEvent): InterviewState {
  switch (event.type) {
    case "session_ready":
      return { ...state, ready: true, phase: event.payload.phase };
    case "interviewer_msg":
      return { ...state, chat: applyInterviewerText(state.chat, event.payload) };
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
    case "error": {
      const errors = [...state.errors, { code: event.payload.code, message: event.payload.message }];
      return { ...state, errors: errors.slice(-MAX_ERRORS), pendingRun: null };
    }
    case "voice_audio":
    case "heartbeat_ack":
      return state;
  }
}

/**
 * Deltas append to the turn's message. The closing `complete` frame may carry the whole reply or only
 * a last piece; either way the message ends up holding the full text exactly once.
 */
function applyInterviewerText(
  chat: ChatMessage[],
  payload: { turn_id: string; kind: "delta" | "complete"; text: string },
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
