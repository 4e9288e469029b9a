import { describe, expect, it } from "vitest";
import { dimensionName, formatDuration, mostFailedCategories, mostFailedTopics, scoreSeries } from "../lib/progress";
import type { InterviewProgress } from "../lib/timeline";

function interview(overrides: Partial<InterviewProgress>): InterviewProgress {
  return {
    session_id: "s", question_id: "q", title: "Q", topics: [], started_at: "2026-12-01T10:00:00Z", ended_at: null,
    scores: {}, hints_used: 0, time_to_first_accept_s: null, failed_categories: [], solved: false, ...overrides,
  };
}

const HISTORY = [
  interview({ topics: ["dp_1d"], scores: { problem_solving: 1, communication: 2 }, failed_categories: ["empty", "empty", "large"] }),
  interview({ topics: ["arrays_hashing"], scores: { problem_solving: 3 }, solved: true, failed_categories: ["large"] }),
  interview({ topics: ["dp_1d", "strings"], scores: { problem_solving: 2, communication: 3 } }),
];

describe("progress figures", () => {
  it("draws one series per dimension, skipping interviews that did not score it", () => {
    expect(scoreSeries(HISTORY)).toEqual([
      { dimension: "communication", points: [{ index: 0, score: 2, at: HISTORY[0].started_at }, { index: 2, score: 3, at: HISTORY[2].started_at }] },
      { dimension: "problem_solving", points: [0, 1, 2].map((index) => ({ index, score: [1, 3, 2][index], at: HISTORY[index].started_at })) },
    ]);
  });

  it("counts the topics of unsolved interviews and each failed category once per interview", () => {
    expect(mostFailedTopics(HISTORY)).toEqual([{ name: "dp_1d", count: 2 }, { name: "strings", count: 1 }]);
    expect(mostFailedCategories(HISTORY)).toEqual([{ name: "large", count: 2 }, { name: "empty", count: 1 }]);
  });

  it("puts times and dimensions in words", () => {
    expect(formatDuration(245)).toBe("4 min 05 s");
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(null)).toBe("—");
    expect(dimensionName("problem_solving")).toBe("Problem solving");
  });
});
