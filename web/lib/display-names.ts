/** Human-readable names for the contract's enum values. */
import type { Difficulty, HireSignal, Language, Phase, Topic, Verdict } from "./types";

export const LANGUAGE_NAMES: Record<Language, string> = {
  python: "Python",
  javascript: "JavaScript",
  cpp: "C++",
  java: "Java",
  go: "Go",
};

/** Monaco's language id for each interview language. */
export const MONACO_LANGUAGE: Record<Language, string> = {
  python: "python",
  javascript: "javascript",
  cpp: "cpp",
  java: "java",
  go: "go",
};

export const DIFFICULTY_NAMES: Record<Difficulty, string> = { easy: "Easy", medium: "Medium", hard: "Hard" };

export const PHASE_NAMES: Record<Phase, string> = {
  greeting: "Introduction",
  clarifying: "Clarifying",
  observing: "Coding",
  nudging: "Hints",
  reviewing: "Review",
  wrapping_up: "Wrap-up",
};

export const VERDICT_NAMES: Record<Verdict, string> = {
  accepted: "Accepted",
  wrong_answer: "Wrong answer",
  time_limit_exceeded: "Time limit exceeded",
  memory_limit_exceeded: "Memory limit exceeded",
  runtime_error: "Runtime error",
  compilation_error: "Compilation error",
  output_limit_exceeded: "Output limit exceeded",
  internal_error: "Internal error",
};

export const HIRE_SIGNAL_NAMES: Record<HireSignal, string> = {
  strong_no: "Strong no hire",
  no: "No hire",
  yes: "Hire",
  strong_yes: "Strong hire",
};

export function topicName(topic: Topic): string {
  const special: Partial<Record<Topic, string>> = {
    arrays_hashing: "Arrays & hashing",
    bfs_dfs: "BFS / DFS",
    dp_1d: "1-D dynamic programming",
    dp_2d: "2-D dynamic programming",
  };
  return special[topic] ?? topic.charAt(0).toUpperCase() + topic.slice(1).replaceAll("_", " ");
}

/** "run_code" → "Running code", for the agent activity indicator. */
export function toolActivity(tool: string | null, status: "thinking" | "running"): string {
  if (status === "thinking" || !tool) return "Interviewer is thinking…";
  const known: Record<string, string> = {
    run_code: "Interviewer is running your code…",
    get_question: "Interviewer is picking a question…",
    get_hint: "Interviewer is preparing a hint…",
    assess_solution: "Interviewer is assessing your solution…",
  };
  return known[tool] ?? `Interviewer is using ${tool.replaceAll("_", " ")}…`;
}
