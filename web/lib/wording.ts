/** Small pieces of on-screen wording shared by the room and the report: counts, durations, names. */
import type { TranscriptEntry } from "./types";

/** "1 hint", "3 hints"; pass the plural when it is not the singular plus "s". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** 75 → "1 min 15 s", 42 → "42 s", 3600 → "60 min 00 s" (as the Markdown report writes it). */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  return minutes ? `${minutes} min ${String(rest).padStart(2, "0")} s` : `${rest} s`;
}

/** A time limit in milliseconds as people say it: 2000 → "2 s", 1500 → "1.5 s", 800 → "800 ms". */
export function formatLimit(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** "edge_cases" / "large-input" → "Edge cases" / "Large input". */
export function humanise(name: string): string {
  const words = name.replaceAll(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The interviewer's own notes about what the candidate did ("[The candidate has joined…]", also logged
 * as "Action: […]") are prompts for the model, not things anyone said, so transcripts leave them out.
 */
export function isSpokenLine(entry: Pick<TranscriptEntry, "role" | "text">): boolean {
  const text = entry.text.trim();
  if (!text) return false;
  if (/^action:/i.test(text)) return false;
  return !(text.startsWith("[") && text.endsWith("]"));
}

/**
 * Internal test ids (`sample_1`, `sample_2`) as the screen names them ("Test 1"), so the interviewer's
 * words and the results panel use one vocabulary.
 */
export function humaniseTestIds(text: string): string {
  return text.replaceAll(/\bsample[_ ]?(\d+)\b/gi, "Test $1");
}
