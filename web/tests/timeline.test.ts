import { describe, expect, it } from "vitest";
import { audioUpTo, diffLines, foldTimeline, markers, nextMarkerAt, phaseBands, timelineSpan, type Timeline, type TimelineEvent } from "../lib/timeline";
import { candidateKeyLink, isCandidateKey, keyFromFragment } from "../lib/candidate-key";

const T0 = Date.parse("2026-12-01T10:00:00Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
let seq = 0;
const event = (seconds: number, type: string, payload: Record<string, unknown>): TimelineEvent => ({ seq: ++seq, at: at(seconds), type, payload });

const EVENTS: TimelineEvent[] = [
  event(1, "agent_phase_change", { from_phase: null, to_phase: "greeting" }),
  event(2, "interviewer_msg", { turn_id: "t1", kind: "complete", text: "Hello! Ready?" }),
  event(10, "candidate_message", { text: "Can the list be empty?", spoken: true }),
  event(12, "agent_phase_change", { from_phase: "greeting", to_phase: "observing" }),
  event(20, "code_snapshot", { code: "def f():\n    pass\n", language: "python" }),
  event(25, "voice_audio", { url: "/api/audio/abc.mp3", sentence_index: 0, text: "Go ahead." }),
  event(30, "code_snapshot", { code: "def f():\n    return 1\n", language: "python" }),
  event(31, "code_result", { submission_id: "s1", mode: "run", language: "python", result: { verdict: "accepted", tests: [] } }),
  event(40, "hint_given", { level: 1, hints_used: 1, max_level: 3 }),
  event(50, "feedback_result", { request_id: "r", feedback: { summary: "ok", complexity: "O(1)", edge_cases: [], improvements: [], scores: [], hire_signal: "yes", practice_next: [] } }),
];
const TIMELINE: Timeline = {
  session: { session_id: "s", difficulty: "easy", language: "python", topic: null, status: "ended", phase: "wrapping_up", question_id: "q", hint_level: 1, last_seq: 12, created_at: at(0), ended_at: at(60), duration_s: 2700, end_reason: "solved" },
  events: EVENTS,
};

describe("the record folded to a moment", () => {
  it("holds the conversation, code and results of that moment only", () => {
    const early = foldTimeline(EVENTS, T0 + 21_000);
    expect(early.interview.chat.map((m) => [m.role, m.text])).toEqual([
      ["interviewer", "Hello! Ready?"],
      ["candidate", "Can the list be empty?"],
    ]);
    expect(early.interview.chat[1].viaVoice).toBe(true);
    expect(early.code).toBe("def f():\n    pass\n");
    expect(early.previousCode).toBeNull();
    expect(early.interview.runs).toEqual([]);
    expect(early.interview.phase).toBe("observing");

    const all = foldTimeline(EVENTS);
    expect(all.code).toBe("def f():\n    return 1\n");
    expect(all.previousCode).toBe("def f():\n    pass\n");
    expect(all.interview.runs.map((run) => run.result.verdict)).toEqual(["accepted"]);
    expect(all.interview.hints.used).toBe(1);
    expect(all.interview.feedback.status).toBe("ready");
  });

  it("never leaves an activity or a pending run from history", () => {
    const folded = foldTimeline([event(1, "agent_thinking", { turn_id: "t", status: "thinking", tool: null })]);
    expect(folded.interview.activity).toBeNull();
  });

  it("understands the record's phase_change name as well as the socket's", () => {
    expect(foldTimeline([event(1, "phase_change", { from_phase: null, to_phase: "clarifying" })]).interview.phase).toBe("clarifying");
  });
});

describe("the scrubber", () => {
  it("spans the interview and draws one band per phase", () => {
    expect(timelineSpan(TIMELINE)).toEqual({ startMs: T0, endMs: T0 + 60_000 });
    expect(phaseBands(TIMELINE)).toEqual([
      { phase: "greeting", startMs: T0 + 1000, endMs: T0 + 12_000 },
      { phase: "observing", startMs: T0 + 12_000, endMs: T0 + 60_000 },
    ]);
  });

  it("marks messages, runs, hints and feedback, and steps between them", () => {
    const found = markers(TIMELINE);
    expect(found.map((marker) => marker.kind)).toEqual(["message", "message", "run", "hint", "feedback"]);
    expect(found[2].label).toBe("Run: accepted");
    expect(nextMarkerAt(found, T0 + 10_000, 1)).toBe(T0 + 31_000);
    expect(nextMarkerAt(found, T0 + 10_000, -1)).toBe(T0 + 2_000);
    expect(nextMarkerAt(found, T0 + 50_000, 1)).toBeNull();
  });

  it("offers the audio of the record by URL up to the moment", () => {
    expect(audioUpTo(EVENTS, T0 + 24_000)).toEqual([]);
    expect(audioUpTo(EVENTS, T0 + 26_000)).toEqual([{ url: "/api/audio/abc.mp3", text: "Go ahead.", atMs: T0 + 25_000, who: "interviewer" }]);
  });

  it("offers the candidate's own voice only where they opted in to keeping it", () => {
    const kept = event(60, "candidate_message", { text: "Use a set.", spoken: true, audio_url: "/api/audio/k.wav" });
    const clips = audioUpTo([...EVENTS, kept], T0 + 61_000);
    expect(clips.filter((clip) => clip.who === "candidate")).toEqual([{ url: "/api/audio/k.wav", text: "Use a set.", atMs: T0 + 60_000, who: "candidate" }]);
  });
});

describe("the diff between snapshots", () => {
  it("marks changed lines and keeps the rest", () => {
    expect(diffLines("a\nb\nc", "a\nB\nc\nd")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "B" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
  });

  it("shows a first snapshot as all added", () => {
    expect(diffLines(null, "x\ny").map((line) => line.kind)).toEqual(["added", "added"]);
  });
});

describe("the candidate key", () => {
  it("is carried in a link's fragment and read back", () => {
    const key = "k".repeat(20);
    const link = candidateKeyLink(key, "https://mockmind.example");
    expect(link).toBe(`https://mockmind.example/progress#key=${key}`);
    expect(keyFromFragment(new URL(link).hash)).toBe(key);
    expect(keyFromFragment("#key=short")).toBeNull();
    expect(isCandidateKey("has spaces in it, not a key")).toBe(false);
  });
});
