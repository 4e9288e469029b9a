/**
 * The gateway's HTTP API. The client is served by the gateway itself, so requests are same-origin;
 * `NEXT_PUBLIC_MOCKMIND_API` points `next dev` at a gateway on another port.
 */
import type { CreateSessionRequest, CreateSessionResponse, SessionInfo, SessionReport } from "./types";

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

export function getSession(sessionId: string, token: string): Promise<SessionInfo> {
  return request(`/api/sessions/${encodeURIComponent(sessionId)}`, { headers: { Authorization: `Bearer ${token}` } });
}

export function getReport(sessionId: string, token: string): Promise<SessionReport> {
  return request(`/api/sessions/${encodeURIComponent(sessionId)}/report`, {
    headers: { Authorization: `Bearer ${token}` },
  });
}

/** The WebSocket URL for a session, on the same host as the API. */
export function socketUrl(sessionId: string, token: string, lastSeq: number): string {
  const base = API_BASE || window.location.origin;
  const url = new URL(`/ws/${encodeURIComponent(sessionId)}`, base);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("token", token);
  url.searchParams.set("last_seq", String(lastSeq));
  return url.toString();
}
