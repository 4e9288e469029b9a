/**
 * What this browser remembers about its interviews, in localStorage: the sessions it started (with
 * their tokens, so a refresh can reconnect), the editor's latest code (ahead of the debounced
 * snapshots the server keeps) and the last scorecard. The transcript is the server's (`/timeline`).
 */
import type { Difficulty, FeedbackResult, Language, Topic } from "./types";

export interface LocalSession {
  sessionId: string;
  token: string;
  difficulty: Difficulty;
  language: Language;
  topic: Topic | null;
  durationMinutes: number;
  createdAt: string;
  /** message_id of the start_interview event, reused so a retry is idempotent. */
  startMessageId: string | null;
  questionTitle?: string;
  finished?: boolean;
  /** The result in a few words once the report exists, e.g. "Solved · 12/12 tests". */
  outcome?: string;
}

const SESSIONS_KEY = "mockmind:sessions";
const MAX_SESSIONS = 30;
export const DEFAULT_DURATION_MINUTES = 45;

function read<T>(key: string, fallback: T): T {
  if (typeof window === "undefined") return fallback;
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or disabled: the room still works, it just won't survive a refresh */
  }
}

export function listSessions(): LocalSession[] {
  return read<LocalSession[]>(SESSIONS_KEY, []);
}

export function findSession(sessionId: string): LocalSession | null {
  return listSessions().find((session) => session.sessionId === sessionId) ?? null;
}

export function saveSession(session: LocalSession): void {
  const others = listSessions().filter((existing) => existing.sessionId !== session.sessionId);
  write(SESSIONS_KEY, [session, ...others].slice(0, MAX_SESSIONS));
}

export function updateSession(sessionId: string, changes: Partial<LocalSession>): void {
  const session = findSession(sessionId);
  if (session) {
    write(
      SESSIONS_KEY,
      listSessions().map((existing) => (existing.sessionId === sessionId ? { ...session, ...changes } : existing)),
    );
  }
}

export function forgetSession(sessionId: string): void {
  write(SESSIONS_KEY, listSessions().filter((session) => session.sessionId !== sessionId));
  for (const suffix of ["code", "messages", "feedback"]) {
    try {
      window.localStorage.removeItem(`mockmind:${suffix}:${sessionId}`);
    } catch {
      /* ignore */
    }
  }
}

export function loadCode(sessionId: string): string | null {
  return read<string | null>(`mockmind:code:${sessionId}`, null);
}

export function saveCode(sessionId: string, code: string): void {
  write(`mockmind:code:${sessionId}`, code);
}

export function loadFeedback(sessionId: string): FeedbackResult | null {
  return read<FeedbackResult | null>(`mockmind:feedback:${sessionId}`, null);
}

export function saveFeedback(sessionId: string, feedback: FeedbackResult): void {
  write(`mockmind:feedback:${sessionId}`, feedback);
}
