import { describe, expect, it } from "vitest";
import { initialInterviewState, interviewReducer, latestRun, type InterviewAction } from "@/lib/interview-state";
import type { SandboxResult, ServerEvent } from "@/lib/types";

let counter = 0;
function server(type: ServerEvent["type"], payload: unknown, seq: number | null = ++counter): InterviewAction {
  return {
    type: "server",
    event: { type, payload, seq, message_id: `m${seq}`, session_id: "s", timestamp: "" } as ServerEvent,
  };
}
const run = (...actions: InterviewAction[]) => actions.reduce(interviewReducer, initialInterviewState);

const sandbox = (verdict: SandboxResult["verdict"]): SandboxResult => ({
  verdict,
  tests: [],
  passed: 0,
  total: 0,
  compile_output: "",
  time_ms: 0,
  message: "",
  time_limit_s: null,
});

describe("interviewReducer", () => {
  it("streams deltas into one message per turn and closes it on complete", () => {
    const state = run(
      server("interviewer_msg", { turn_id: "t", kind: "delta", text: "Hel" }),
      server("interviewer_msg", { turn_id: "t", kind: "delta", text: "lo" }),
    );
    expect(state.chat).toEqual([{ id: "turn-t", role: "interviewer", text: "Hello", streaming: true }]);
    const full = interviewReducer(state, server("interviewer_msg", { turn_id: "t", kind: "complete", text: "Hello!" }));
    expect(full.chat[0]).toMatchObject({ text: "Hello!", streaming: false });
    const tail = interviewReducer(state, server("interviewer_msg", { turn_id: "t", kind: "complete", text: " there" }));
    expect(tail.chat[0].text).toBe("Hello there");
  });

  it("does not repeat a reply whose complete frame differs from the deltas only in spacing", () => {
    // what the interviewer agent sends: one delta per sentence with a trailing space, then the sentences joined
    const state = run(
      server("interviewer_msg", { turn_id: "t", kind: "delta", text: "All 3 sample tests pass. " }),
      server("interviewer_msg", { turn_id: "t", kind: "delta", text: "Submit when ready. " }),
      server("interviewer_msg", { turn_id: "t", kind: "complete", text: "All 3 sample tests pass. Submit when ready." }),
    );
    expect(state.chat.map((message) => message.text)).toEqual(["All 3 sample tests pass. Submit when ready."]);
  });

  it("marks a reply the candidate talked over as interrupted, holding what was said before the cut", () => {
    const state = run(
      server("interviewer_msg", { turn_id: "t", kind: "delta", text: "First, sort the array. " }),
      server("interviewer_msg", { turn_id: "t", kind: "complete", text: "First, sort the array.", interrupted: true }),
    );
    expect(state.chat).toEqual([
      { id: "turn-t", role: "interviewer", text: "First, sort the array.", streaming: false, interrupted: true },
    ]);
  });

  it("joins first words sent ahead of their sentence with the sentence's rest, once", () => {
    // the interviewer agent sends a reply's first words before the sentence ends, later words clause by clause
    const state = run(
      server("interviewer_msg", { turn_id: "t", kind: "delta", text: "Good", ends_sentence: false }),
      server("interviewer_msg", { turn_id: "t", kind: "delta", text: " question,", ends_sentence: false }),
      server("interviewer_msg", { turn_id: "t", kind: "delta", text: " it can be empty. ", ends_sentence: true }),
      server("interviewer_msg", { turn_id: "t", kind: "delta", text: "Then", ends_sentence: false }),
    );
    expect(state.chat[0]).toMatchObject({ text: "Good question, it can be empty. Then", streaming: true });
    const done = run(
      server("interviewer_msg", { turn_id: "u", kind: "delta", text: "Sure,", ends_sentence: false }),
      server("interviewer_msg", { turn_id: "u", kind: "delta", text: " try it. ", ends_sentence: true }),
      server("interviewer_msg", { turn_id: "u", kind: "complete", text: "Sure, try it." }),
    );
    expect(done.chat.map((message) => message.text)).toEqual(["Sure, try it."]);
  });

  it("shows the tool the agent is running and clears it when done", () => {
    const running = run(server("agent_thinking", { turn_id: "t", status: "running", tool: "run_code" }));
    expect(running.activity).toEqual({ turnId: "t", status: "running", tool: "run_code" });
    expect(interviewReducer(running, server("agent_thinking", { turn_id: "t", status: "done", tool: null })).activity).toBeNull();
  });

  it("tracks the phase and the latest result of each mode", () => {
    const state = run(
      server("session_ready", { session_id: "s", difficulty: "easy", language: "python", phase: "greeting" }),
      { type: "run_requested", mode: "run" },
      server("code_result", { submission_id: "a", mode: "run", language: "python", result: sandbox("wrong_answer") }),
      server("code_result", { submission_id: "b", mode: "submit", language: "python", result: sandbox("accepted") }),
      server("agent_phase_change", { from_phase: "greeting", to_phase: "observing" }),
    );
    expect(state.phase).toBe("observing");
    expect(state.pendingRun).toBeNull();
    expect(latestRun(state)?.submissionId).toBe("b");
    expect(latestRun(state, "run")?.result.verdict).toBe("wrong_answer");
  });

  it("shows the record's copy of a candidate message once: the page's own is already there", () => {
    counter = 0;
    const state = run(
      { type: "candidate_message", message: { id: "c1", text: "Can it be empty?" } },
      server("candidate_message", { text: "Can it be empty?", spoken: false, ref_message_id: "c1" }),
      server("candidate_message", { text: "From my phone", spoken: true, ref_message_id: "other-device" }),
    );
    expect(state.chat.map((message) => [message.text, Boolean(message.viaVoice)])).toEqual([
      ["Can it be empty?", false],
      ["From my phone", true],
    ]);
  });

  it("restores the room from the record, keeping the mute choice", () => {
    const muted = run({ type: "set_voice_muted", muted: true });
    const restored = interviewReducer(muted, { type: "restore", state: { ...initialInterviewState, phase: "observing" } });
    expect(restored.phase).toBe("observing");
    expect(restored.voiceMuted).toBe(true);
  });

  it("marks feedback pending on request and ready with the scorecard", () => {
    const pending = run({ type: "feedback_requested" });
    expect(pending.feedback.status).toBe("pending");
    const feedback = { summary: "ok", complexity: "O(n)", edge_cases: [], improvements: [], scores: [], hire_signal: "yes", practice_next: [] };
    const ready = interviewReducer(pending, server("feedback_result", { request_id: "r", feedback }));
    expect(ready.feedback).toEqual({ status: "ready", result: feedback });
  });

  it("keeps server errors in human words, clears a pending run, and lets them be dismissed", () => {
    const state = run({ type: "run_requested", mode: "submit" }, server("error", { code: "sandbox_busy", message: "Try again", ref_message_id: null }, null));
    expect(state.pendingRun).toBeNull();
    expect(state.errors).toEqual([{ code: "sandbox_busy", message: "Something went wrong on the server. Please try again in a moment." }]);
    expect(interviewReducer(state, { type: "dismiss_error", index: 0 }).errors).toEqual([]);
  });
});
