/**
 * A session's timeline (`GET /api/sessions/{id}/timeline`, INTERFACES.md "Timeline") and what the
 * browser makes of it: the room's state when resuming, the replay's state at any moment, phase bands,
 * markers and a line diff between code snapshots. All pure, so the rules are tested without a browser.
 */
import { initialInterviewState, interviewReducer, type InterviewState } from "./interview-state";
import type { Difficulty, Language, Phase, ServerEvent, SessionView, Topic } from "./types";

export interface TimelineEvent {
  seq: number;
  /** ISO time it happened. */
  at: string;
  type: string;
  payload: Record<string, unknown>;
}

export interface Timeline {
  session: SessionView;
  events: TimelineEvent[];
}

export interface ProblemSummary {
  id: string;
  title: string;
  difficulty: Difficulty;
  topics: Topic[];
  statement: string;
}

export interface ShareLink {
  url: string;
  token: string;
  expires_at: string;
}

export interface InterviewProgress {
  session_id: string;
  question_id: string | null;
  title: string | null;
  topics: Topic[];
  started_at: string;
  ended_at: string | null;
  scores: Record<string, number>;
  hints_used: number;
  time_to_first_accept_s: number | null;
  failed_categories: string[];
  solved: boolean;
}

export interface CandidateProgress {
  interviews: InterviewProgress[];
  weakest_topic: Topic | null;
  recommended_question_id: string | null;
  rule: string;
}

/** What the room and the replay know at one moment: the interview state plus the code then. */
export interface RecordState {
  interview: InterviewState;
  code: string | null;
  language: Language | null;
  /** The snapshot before the current one, for the diff. */
  previousCode: string | null;
}

const emptyRecord: RecordState = { interview: initialInterviewState, code: null, language: null, previousCode: null };

/** Timeline event types that the live reducer already understands as server events. */
const AS_SERVER_EVENT: Record<string, string> = { phase_change: "agent_phase_change" };

/**
 * Folds the record up to (and including) `untilMs` since the epoch, or all of it. Audio is never part
 * of the state: history is shown, not spoken.
 */
export function foldTimeline(events: TimelineEvent[], untilMs = Number.POSITIVE_INFINITY): RecordState {
  let record = emptyRecord;
  for (const event of events) {
    if (Date.parse(event.at) > untilMs) break;
    record = applyTimelineEvent(record, event);
  }
  return record;
}

function applyTimelineEvent(record: RecordState, event: TimelineEvent): RecordState {
  switch (event.type) {
    case "candidate_message": {
      const payload = event.payload as { text: string; spoken?: boolean; ref_message_id?: string };
      const id = payload.ref_message_id ?? `candidate-${event.seq}-${record.interview.chat.length}`;
      const chat = [...record.interview.chat, { id, role: "candidate" as const, text: payload.text, viaVoice: Boolean(payload.spoken) }];
      return { ...record, interview: { ...record.interview, chat } };
    }
    case "code_snapshot": {
      const payload = event.payload as { code: string; language?: Language | null };
      if (payload.code === record.code) return record;
      return { ...record, previousCode: record.code, code: payload.code, language: payload.language ?? record.language };
    }
    case "voice_audio":
      return record;
    default: {
      const type = AS_SERVER_EVENT[event.type] ?? event.type;
      const serverEvent = { type, seq: event.seq, message_id: "", session_id: "", timestamp: event.at, payload: event.payload } as unknown as ServerEvent;
      const interview = interviewReducer(record.interview, { type: "server", event: serverEvent });
      return { ...record, interview: { ...interview, activity: null, pendingRun: null } };
    }
  }
}

export interface TimeSpan {
  startMs: number;
  endMs: number;
}

/** From the session's creation to its end (or its last event). */
export function timelineSpan(timeline: Timeline): TimeSpan {
  const startMs = Date.parse(timeline.session.created_at);
  const last = timeline.events.length ? Date.parse(timeline.events[timeline.events.length - 1].at) : startMs;
  const ended = timeline.session.ended_at ? Date.parse(timeline.session.ended_at) : last;
  return { startMs, endMs: Math.max(startMs + 1000, ended, last) };
}

export interface PhaseBand {
  phase: Phase;
  startMs: number;
  endMs: number;
}

export function phaseBands(timeline: Timeline): PhaseBand[] {
  const { endMs } = timelineSpan(timeline);
  const bands: PhaseBand[] = [];
  for (const event of timeline.events) {
    if (event.type !== "agent_phase_change" && event.type !== "phase_change") continue;
    const at = Date.parse(event.at);
    const phase = (event.payload as { to_phase: Phase }).to_phase;
    if (bands.length) bands[bands.length - 1].endMs = at;
    bands.push({ phase, startMs: at, endMs });
  }
  return bands;
}

export type MarkerKind = "message" | "run" | "hint" | "feedback";

export interface Marker {
  atMs: number;
  kind: MarkerKind;
  label: string;
}

export function markers(timeline: Timeline): Marker[] {
  const found: Marker[] = [];
  for (const event of timeline.events) {
    const atMs = Date.parse(event.at);
    const payload = event.payload as Record<string, unknown>;
    if (event.type === "candidate_message") found.push({ atMs, kind: "message", label: `You: ${clip(String(payload.text))}` });
    else if (event.type === "interviewer_msg") found.push({ atMs, kind: "message", label: `Interviewer: ${clip(String(payload.text))}` });
    else if (event.type === "code_result") {
      const result = payload.result as { verdict?: string } | undefined;
      found.push({ atMs, kind: "run", label: `${payload.mode === "submit" ? "Submit" : "Run"}: ${(result?.verdict ?? "").replaceAll("_", " ")}` });
    } else if (event.type === "hint_given") found.push({ atMs, kind: "hint", label: `Hint ${String(payload.level)}` });
    else if (event.type === "feedback_result") found.push({ atMs, kind: "feedback", label: "Feedback" });
  }
  return found;
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The next (or previous) marker's time from `atMs`, for the arrow keys with a modifier. */
export function nextMarkerAt(all: Marker[], atMs: number, direction: 1 | -1): number | null {
  const times = all.map((marker) => marker.atMs);
  if (direction === 1) return times.find((time) => time > atMs) ?? null;
  return [...times].reverse().find((time) => time < atMs) ?? null;
}

export interface DiffLine {
  kind: "same" | "added" | "removed";
  text: string;
}

/** Longest common subsequence over the lines between a common prefix and suffix. */
const MAX_DIFF_CELLS = 2_000_000;

export function diffLines(before: string | null, after: string): DiffLine[] {
  const a = before === null ? [] : before.split("\n");
  const b = after.split("\n");
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix += 1;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const same = (lines: string[]) => lines.map((text) => ({ kind: "same" as const, text }));
  return [...same(a.slice(0, prefix)), ...diffMiddle(midA, midB), ...same(a.slice(a.length - suffix))];
}

function diffMiddle(a: string[], b: string[]): DiffLine[] {
  if (a.length * b.length > MAX_DIFF_CELLS) {
    // Too large to align line by line: show the changed block whole.
    return [...a.map((text) => ({ kind: "removed" as const, text })), ...b.map((text) => ({ kind: "added" as const, text }))];
  }
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ kind: "same", text: a[i] });
      i += 1;
      j += 1;
    } else if (i < a.length && (j === b.length || lengths[i + 1][j] >= lengths[i][j + 1])) {
      lines.push({ kind: "removed", text: a[i] });
      i += 1;
    } else {
      lines.push({ kind: "added", text: b[j] });
      j += 1;
    }
  }
  return lines;
}

/** Interviewer audio of the record up to a moment, newest last (played by URL on request only). */
export function audioUpTo(events: TimelineEvent[], untilMs: number): AudioClip[] {
  return events.flatMap((event): AudioClip[] => {
    if (Date.parse(event.at) > untilMs) return [];
    const url = event.type === "voice_audio" ? event.payload.url : event.type === "candidate_message" ? event.payload.audio_url : null;
    if (typeof url !== "string") return [];
    const who = event.type === "voice_audio" ? "interviewer" : "candidate";
    return [{ url, text: String(event.payload.text ?? ""), atMs: Date.parse(event.at), who }];
  });
}

/** A recorded sentence: the interviewer's, or the candidate's own voice when they opted in to keeping it. */
export interface AudioClip {
  url: string;
  text: string;
  atMs: number;
  who: "interviewer" | "candidate";
}
