/** How a run's verdicts are named on screen. */
import { VERDICT_NAMES } from "./display-names";
import type { SandboxResult, Verdict } from "./types";
import { formatLimit } from "./wording";

/** The limit a run had: from the judge's answer if it says, else the fallback. */
export function runTimeLimitMs(result: SandboxResult, fallback: number | null = null): number | null {
  if (typeof result.time_limit_s === "number") return result.time_limit_s * 1000;
  return fallback;
}

/** "Time limit exceeded (limit 2 s)"; other verdicts by name. */
export function verdictLabel(verdict: Verdict, limitMs: number | null): string {
  if (verdict === "time_limit_exceeded" && limitMs) return `${VERDICT_NAMES[verdict]} (limit ${formatLimit(limitMs)})`;
  return VERDICT_NAMES[verdict];
}

