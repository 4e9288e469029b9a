import { describe, expect, it } from "vitest";
import { initialInterviewState, interviewReducer, type InterviewAction } from "@/lib/interview-state";
import { countFillers, liveSpeaking } from "@/lib/speaking";
import { recognitionMode } from "@/lib/recognition";
import { serverRecognitionAvailable } from "@/lib/api";
import type { HealthStatus, ServerEvent, TranscriptFinalPayload } from "@/lib/types";

let counter = 0;
function server(type: ServerEvent["type"], payload: unknown): InterviewAction {
  const seq = ++counter;
  return { type: "server", event: { type, payload, seq, message_id: `m${seq}`, session_id: "s", timestamp: "" } as ServerEvent };
}
const run = (...actions: InterviewAction[]) => actions.reduce(interviewReducer, initialInterviewState);

const final = (utterance_id: string, text: string, duration_ms = 3_000): TranscriptFinalPayload => ({
  utterance_id,
  text,
  started_at: "2026-01-01T00:00:00Z",
  duration_ms,
  words: [],
  backchannel: false,
});

describe("server transcripts in the room", () => {
  it("shows the partial live, then the final as the candidate's spoken message, once", () => {
    const partial = run(server("transcript_partial", { utterance_id: "u1", text: "what is the" }));
    expect(partial.partial).toEqual({ utteranceId: "u1", text: "what is the" });
    expect(partial.chat).toEqual([]);

    const done = interviewReducer(partial, server("transcript_final", final("u1", "What is the input size?")));
    expect(done.partial).toBeNull();
    expect(done.chat).toEqual([{ id: "utterance-u1", role: "candidate", text: "What is the input size?", viaVoice: true }]);

    // a reconnect replays both: nothing doubles, and the stale partial does not come back
    const replayed = [server("transcript_partial", { utterance_id: "u1", text: "what is the" }), server("transcript_final", final("u1", "What is the input size?"))].reduce(
      interviewReducer,
      done,
    );
    expect(replayed.chat).toHaveLength(1);
    expect(replayed.partial).toBeNull();
  });

  it("keeps the partial of the next utterance when an earlier one finishes late", () => {
    const state = run(server("transcript_partial", { utterance_id: "u2", text: "and then" }), server("transcript_final", final("u1", "First.")));
    expect(state.partial?.utteranceId).toBe("u2");
  });

  it("a backchannel is shown as an acknowledgement, not as a turn", () => {
    const state = run(server("transcript_final", { ...final("u1", "Okay."), backchannel: true }));
    expect(state.chat).toEqual([{ id: "utterance-u1", role: "candidate", text: "Okay.", viaVoice: true, backchannel: true }]);
  });

  it("an empty final transcript adds no message", () => {
    expect(run(server("transcript_final", final("u1", "  "))).chat).toEqual([]);
  });
});

describe("live speaking figures (the report's rules)", () => {
  /** Words 300 ms apart, each 250 ms long, with a pause before the word at `pauseBefore`. */
  const timed = (text: string, pauseBefore = -1) => {
    let at = 0;
    return text.split(" ").map((word, index) => {
      if (index === pauseBefore) at += 600;
      const entry = { word, start_ms: at, end_ms: at + 250 };
      at += 300;
      return entry;
    });
  };
  const utterance = (id: string, text: string, pauseBefore = -1): TranscriptFinalPayload => {
    const words = timed(text, pauseBefore);
    return { ...final(id, text, words.at(-1)!.end_ms), words };
  };

  it("counts words per minute from first to last word, and fillers as the report does", () => {
    // 10 words over 2.95 s; fillers: "Um", "so" opening, "you know"; not "like" in "I'd like to"
    const figures = liveSpeaking([utterance("a", "So um I'd like to, you know, use a set")]);
    expect(figures).toEqual({ words: 10, wordsPerMinute: Math.round(10 / (2.95 / 60)), fillers: 3 });
  });

  it("counts 'like' set off by a pause or a comma, not inside a sentence", () => {
    expect(liveSpeaking([utterance("a", "it is like a map")])!.fillers).toBe(0);
    expect(liveSpeaking([utterance("a", "it is like a map", 2)])!.fillers).toBe(1);
    expect(liveSpeaking([utterance("a", "it is, like, a map")])!.fillers).toBe(1);
  });

  it("has nothing to say before any speech", () => {
    expect(liveSpeaking([])).toBeNull();
    expect(countFillers([])).toBe(0);
  });
});

describe("which recognition the Talk button uses", () => {
  it("prefers the server's when it runs, the browser's when chosen or when the server has none", () => {
    expect(recognitionMode(null, true, true)).toBe("server");
    expect(recognitionMode("browser", true, true)).toBe("browser");
    expect(recognitionMode("browser", true, false)).toBe("server");
    expect(recognitionMode(null, false, true)).toBe("browser");
    expect(recognitionMode("server", false, false)).toBeNull();
  });

  it("reads the server's capability from the health answer's stt workers", () => {
    const health = (status: HealthStatus["status"], workers: HealthStatus["workers"]): HealthStatus => ({
      status,
      workers,
      rabbitmq: "ok",
      database: "ok",
      sandbox: "ok",
      llm: "offline-default",
      replica_id: "r",
    });
    expect(serverRecognitionAvailable(health("ok", { stt: { alive: 1, status: "ok" } }))).toBe(true);
    expect(serverRecognitionAvailable(health("degraded", { stt: { alive: 0, status: "missing" } }))).toBe(false);
    expect(serverRecognitionAvailable(health("ok", {}))).toBe(false);
    expect(serverRecognitionAvailable(null)).toBe(false);
  });
});
