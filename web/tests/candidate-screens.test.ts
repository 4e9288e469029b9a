/**
 * What the candidate reads (issue 18, points 4–8): human error words, hints counted from events,
 * native values, "Test 1" vocabulary, time-limit labels, examples once, exponents.
 */
import { describe, expect, it } from "vitest";
import { runTimeLimitMs, verdictLabel } from "@/lib/results";
import { codeSizeProblem, describeServerError } from "@/lib/error-messages";
import { initialInterviewState, interviewReducer, type InterviewAction } from "@/lib/interview-state";
import { splitPowers, splitStatement } from "@/lib/statement";
import { MAX_SOURCE_BYTES, type SandboxResult, type ServerEvent } from "@/lib/types";
import { formatInput, formatValue } from "@/lib/values";
import { formatDuration, humaniseTestIds, isSpokenLine, plural } from "@/lib/wording";

let seq = 0;
function server(type: ServerEvent["type"], payload: unknown, refType: "send_message" | "run_code" | null = null, withSeq = true): InterviewAction {
  const number = withSeq ? ++seq : null;
  return {
    type: "server",
    refType,
    event: { type, payload, seq: number, message_id: `m${number}`, session_id: "s", timestamp: "" } as ServerEvent,
  };
}
const run = (...actions: InterviewAction[]) => actions.reduce(interviewReducer, initialInterviewState);

describe("errors a candidate can cause (point 4)", () => {
  const raw = "invalid send_message: send_message.payload.text: String should have at most 4096 characters";

  it("marks a refused message as not sent, in words, without a protocol banner", () => {
    const state = run(
      { type: "candidate_message", message: { id: "c1", text: "x".repeat(5000) } },
      server("error", { code: "invalid_event", message: raw, ref_message_id: "c1" }, "send_message", false),
    );
    expect(state.errors).toEqual([]);
    expect(state.chat[0].failed).toMatch(/at most 4,096 characters/);
    expect(state.chat[0].failed).not.toMatch(/invalid_event|payload/);
  });

  it("never shows the server's developer text", () => {
    for (const code of ["invalid_event", "frame_too_large", "rate_limited", "bus_unavailable", "bad_json", "whatever"]) {
      const text = describeServerError(code, "run_code");
      expect(text).not.toMatch(/_|payload|invalid /);
    }
    const state = run(server("error", { code: "invalid_event", message: raw, ref_message_id: "r1" }, "run_code", false));
    expect(state.errors[0].message).toBe("Your code wasn't sent: it can be at most 64 KiB.");
  });

  it("says why code over 64 KiB can't run", () => {
    expect(codeSizeProblem("x".repeat(MAX_SOURCE_BYTES))).toBeNull();
    expect(codeSizeProblem("x".repeat(MAX_SOURCE_BYTES + 1))).toMatch(/limit is 64 KiB/);
    expect(codeSizeProblem("é".repeat(MAX_SOURCE_BYTES / 2 + 1))).not.toBeNull(); // UTF-8 bytes, not characters
  });
});

describe("hints (point 6)", () => {
  it("counts hint_given events, also when replayed after a reload", () => {
    const pending = run({ type: "hint_requested" });
    expect(pending.hints).toEqual({ used: 0, max: 3, pending: true });
    const events = [
      server("hint_given", { level: 1, hints_used: 1, max_level: 3 }),
      server("hint_given", { level: 2, hints_used: 2, max_level: 3 }),
    ];
    expect(run({ type: "hint_requested" }, ...events).hints).toEqual({ used: 2, max: 3, pending: false });
    // a replay of the same events on reload gives the same count, never double
    expect(run(...events, ...events).hints.used).toBe(2);
  });
});

describe("time limits (point 5)", () => {
  it("labels a time-out with its limit and reads the limit from the judge first", () => {
    const result = { verdict: "time_limit_exceeded", time_limit_s: 2 } as SandboxResult;
    expect(verdictLabel("time_limit_exceeded", runTimeLimitMs(result, 3000))).toBe("Time limit exceeded (limit 2 s)");
    expect(verdictLabel("time_limit_exceeded", runTimeLimitMs({ verdict: "accepted" } as SandboxResult, 3000))).toBe(
      "Time limit exceeded (limit 3 s)",
    );
    expect(verdictLabel("time_limit_exceeded", 1500)).toBe("Time limit exceeded (limit 1.5 s)");
    expect(verdictLabel("wrong_answer", 2000)).toBe("Wrong answer");
  });
});

describe("one vocabulary and native values (point 8)", () => {
  it("renders values as each language writes them", () => {
    const value = [null, true, "a", [1, 2]];
    expect(formatValue(value, "python")).toBe("[None, True, 'a', [1, 2]]");
    expect(formatValue(value, "javascript")).toBe('[null, true, "a", [1, 2]]');
    expect(formatValue(value, "java")).toBe('[null, true, "a", [1, 2]]');
    expect(formatValue(value, "cpp")).toBe('{nullptr, true, "a", {1, 2}}');
    expect(formatValue(value, "go")).toBe('[nil true "a" [1 2]]');
    expect(formatValue(false, "python")).toBe("False");
    expect(formatInput({ nums: [1, 2], k: null }, "python")).toBe("nums = [1, 2], k = None");
  });

  it("names tests as the screen does and drops the interviewer's stage directions", () => {
    expect(humaniseTestIds("Your first failure is sample_1; sample_2 passes.")).toBe("Your first failure is Test 1; Test 2 passes.");
    expect(isSpokenLine({ role: "candidate", text: "Action: [The candidate has joined and is ready to start the interview.]" })).toBe(false);
    expect(isSpokenLine({ role: "candidate", text: "[The candidate ran their python code against the sample tests.]" })).toBe(false);
    expect(isSpokenLine({ role: "candidate", text: "Can the array be empty? [asking]" })).toBe(true);
  });
});

describe("scorecard and report wording (point 7)", () => {
  it("uses proper plurals and durations", () => {
    expect(plural(1, "hint")).toBe("1 hint");
    expect(plural(3, "hint")).toBe("3 hints");
    expect(plural(2, "time")).toBe("2 times");
    expect(formatDuration(75)).toBe("1 min 15 s");
    expect(formatDuration(42.4)).toBe("42 s");
  });
});

describe("problem panel (issue point 9)", () => {
  const statement = [
    "Return the products.",
    "",
    "**Example 1**",
    "",
    "```",
    "cards = [2, 3]",
    "→ [3, 2]",
    "```",
    "",
    "Because 3 = 3 and 2 = 2.",
    "",
    "**Example 2**",
    "",
    "```",
    "cards = [1, 1]",
    "→ [1, 1]",
    "```",
  ].join("\n");

  it("shows each example once: a numbered example becomes its sample test", () => {
    const { parts, extraSamples } = splitStatement(statement, 3);
    expect(parts.map((part) => part.kind)).toEqual(["markdown", "sample", "markdown", "sample"]);
    const text = parts.map((part) => (part.kind === "markdown" ? part.text : `<sample ${part.index}>`)).join("");
    expect(text).not.toContain("cards = [2, 3]");
    expect(text).toContain("Because 3 = 3");
    expect(extraSamples).toEqual([2]);
  });

  it("keeps an authored unnumbered example (design problems) and does not repeat its sample", () => {
    const { parts, extraSamples } = splitStatement("Design it.\n\n**Example**\n\n```\nCache(2)\nget(1) -> -1\n```\n", 1);
    expect(parts).toEqual([{ kind: "markdown", text: "Design it.\n\n**Example**\n\n```\nCache(2)\nget(1) -> -1\n```\n" }]);
    expect(extraSamples).toEqual([]);
  });

  it("marks powers for superscript", () => {
    expect(splitPowers("1 <= n <= 10^5, |x| <= 2^{31}")).toEqual([
      "1 <= n <= ",
      { base: "10", exponent: "5" },
      ", |x| <= ",
      { base: "2", exponent: "31" },
    ]);
  });
});
