/** Creates a session on the gateway and remembers it in this browser, with the candidate key attached. */
import { createSession } from "./api";
import { candidateKey } from "./candidate-key";
import { DEFAULT_DURATION_MINUTES, saveSession } from "./local-sessions";
import type { CreateSessionRequest } from "./types";

export async function startInterview(request: Omit<CreateSessionRequest, "candidate_key">, durationMinutes = DEFAULT_DURATION_MINUTES): Promise<string> {
  const created = await createSession({ ...request, candidate_key: candidateKey() });
  saveSession({
    sessionId: created.session_id,
    token: created.token,
    difficulty: request.difficulty,
    language: request.language,
    topic: request.topic ?? null,
    durationMinutes,
    createdAt: new Date().toISOString(),
    startMessageId: null,
  });
  return created.session_id;
}

export function interviewPath(sessionId: string): string {
  return `/interview/?id=${encodeURIComponent(sessionId)}`;
}
