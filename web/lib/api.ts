/**
 * The gateway's HTTP API. The client is served by the gateway itself, so requests are same-origin;
 * `NEXT_PUBLIC_MOCKMIND_API` points `next dev` at a gateway on another port.
 */
import type { CandidateProgress, ProblemSummary, ShareLink, Timeline } from "./timeline";
import type { CreateSessionRequest, CreateSessionResponse, Difficulty, HealthStatus, InterviewReport, ReportStatus, SessionView, Topic } from "./types";

const API_BASE = (process.env.NEXT_PUBLIC_MOCKMIND_API ?? "").replace(/\/$/, "");

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${API_BASE}${path}`, {
    ...init,
    headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}), ...init.headers },
  });
  if (!response.ok) {
    throw new ApiError(response.status, await describeFailure(response));
  }
  return (await response.json()) as T;
}

async function describeFailure(response: Response): Promise<string> {
  try {
    const body = await response.json();
    const detail = body?.detail ?? body?.message ?? body?.error;
    if (typeof detail === "string") return detail;
  } catch {
    /* not JSON */
  }
  return `${response.status} ${response.statusText || "request failed"}`;
}

export function createSession(body: CreateSessionRequest): Promise<CreateSessionResponse> {
  return request("/api/sessions", { method: "POST", body: JSON.stringify(body) });
}

export function getSession(sessionId: string, token: string): Promise<SessionView> {
  return request(`/api/sessions/${encodeURIComponent(sessionId)}`, { headers: { Authorization: `Bearer ${token}` } });
}

/**
 * The gateway's health (`GET /api/health`), which names the worker kinds that are running: the room
 * uses it to know whether the server can recognise speech. It answers 503 with the same body when an
 * interview cannot run, so the body is read either way; null when the gateway cannot be reached.
 */
export async function getHealth(): Promise<HealthStatus | null> {
  try {
    const response = await fetch(`${API_BASE}/api/health`, { headers: { Accept: "application/json" } });
    return (await response.json()) as HealthStatus;
  } catch {
    return null;
  }
}

/** The server can turn speech into text: an `stt` worker is alive. */
export function serverRecognitionAvailable(health: HealthStatus | null): boolean {
  return (health?.workers?.stt?.alive ?? 0) > 0;
}

function reportPath(sessionId: string, suffix: "report" | "report.md"): string {
  return `${API_BASE}/api/sessions/${encodeURIComponent(sessionId)}/${suffix}`;
}

/**
 * The final report, or why there is none yet: 202 while it is being prepared, 409 while the interview
 * is still running. A 404 `report_not_ready` (gateways before the 202 answer) also means "preparing".
 */
export async function getReport(sessionId: string, token: string): Promise<ReportStatus> {
  const response = await fetch(reportPath(sessionId, "report"), {
    headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
  });
  if (response.status === 200) return { status: "ready", report: (await response.json()) as InterviewReport };
  if (response.status === 202) return { status: "preparing" };
  if (response.status === 409) return { status: "in_progress" };
  const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
  if (response.status === 404 && body?.error === "report_not_ready") return { status: "preparing" };
  if (response.status === 404) return { status: "not_found", message: body?.message ?? "unknown interview" };
  throw new ApiError(response.status, body?.message ?? `${response.status} ${response.statusText || "request failed"}`);
}

/**
 * Downloads the Markdown report as a file. The token goes in the Authorization header, never in a
 * URL, so the file is fetched here and handed to the browser as a blob.
 */
export async function downloadReportMarkdown(sessionId: string, token: string): Promise<void> {
  const response = await fetch(reportPath(sessionId, "report.md"), {
    headers: { Accept: "text/markdown", Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new ApiError(response.status, await describeFailure(response));
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = `mockmind-report-${sessionId}.md`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export interface ProblemFilters {
  difficulty?: Difficulty | "";
  topic?: Topic | "";
  q?: string;
}

/** The problems a candidate can pick (public data only). */
export async function listProblems(filters: ProblemFilters = {}): Promise<ProblemSummary[]> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  const body = await request<{ problems: ProblemSummary[] }>(`/api/problems${query.size ? `?${query}` : ""}`);
  return body.problems;
}

/** The session's whole record, to resume the room or replay it. */
export function getTimeline(sessionId: string, token: string): Promise<Timeline> {
  return request(`/api/sessions/${encodeURIComponent(sessionId)}/timeline`, { headers: { Authorization: `Bearer ${token}` } });
}

/** A shared replay's record: 410 once the link expired, 403 when it is not valid. */
export function getSharedTimeline(shareToken: string): Promise<Timeline> {
  return request(`/api/replay/${encodeURIComponent(shareToken)}/timeline`);
}

export function shareSession(sessionId: string, token: string, ttlSeconds?: number): Promise<ShareLink> {
  return request(`/api/sessions/${encodeURIComponent(sessionId)}/share`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify(ttlSeconds ? { ttl_s: ttlSeconds } : {}),
  });
}

export function getProgress(candidateKey: string): Promise<CandidateProgress> {
  return request("/api/candidates/progress", { headers: { "X-Candidate-Key": candidateKey } });
}

/** The WebSocket URL for a session, on the same host as the API. No token in it: the socket
 * authenticates with its first frame (see ws-client.ts), since URLs end up in logs. */
export function socketUrl(sessionId: string): string {
  const base = API_BASE || window.location.origin;
  const url = new URL(`/ws/${encodeURIComponent(sessionId)}`, base);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}
