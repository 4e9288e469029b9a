/**
 * The live speaking figures in the room, from the final transcripts received so far. The report's
 * figures are the server's (services/feedback_agent/feedback_agent/speaking.py); the live chip counts
 * by the same rules, so the two agree: words per minute over the time from the first to the last word
 * of each utterance, and fillers as the server counts them.
 */
import type { SpeakingMomentKind, TranscriptFinalPayload, TranscriptWord } from "./types";

const ALWAYS_FILLERS = new Set(["um", "umm", "uh", "uhh", "erm", "er", "hmm", "mm"]);
/** Fillers only when set off by a comma or a pause, or ("so") opening the utterance. */
const SOMETIMES_FILLERS = new Set(["like", "so", "basically", "actually", "literally"]);
const SET_OFF_PAUSE_MS = 300;

export interface LiveSpeaking {
  words: number;
  wordsPerMinute: number;
  fillers: number;
}

function plain(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}_'-]/gu, "");
}

/** Words of an utterance with their timings; text alone (no timings) spreads them evenly. */
function timedWords(utterance: TranscriptFinalPayload): TranscriptWord[] {
  const timed = utterance.words.filter((word) => plain(word.word));
  if (timed.length > 0) return timed;
  const raw = utterance.text.split(/\s+/).filter((word) => plain(word));
  const step = utterance.duration_ms / Math.max(1, raw.length);
  return raw.map((word, index) => ({ word, start_ms: index * step, end_ms: (index + 1) * step }));
}

/** How many filler words an utterance holds, by the report's rules. */
export function countFillers(words: TranscriptWord[]): number {
  let count = 0;
  words.forEach((word, index) => {
    const before = words[index - 1];
    const after = words[index + 1];
    const current = plain(word.word);
    const next = after ? plain(after.word) : "";
    if (ALWAYS_FILLERS.has(current)) count += 1;
    else if (current === "you" && next === "know") count += 1;
    else if (current === "i" && next === "mean" && after.word.endsWith(",")) count += 1;
    else if (SOMETIMES_FILLERS.has(current)) {
      const comma = word.word.endsWith(",") || (before?.word.endsWith(",") ?? false);
      const paused =
        (before !== undefined && word.start_ms - before.end_ms >= SET_OFF_PAUSE_MS) ||
        (after !== undefined && after.start_ms - word.end_ms >= SET_OFF_PAUSE_MS);
      if (comma || paused || (before === undefined && current === "so")) count += 1;
    }
  });
  return count;
}

/** The chip's figures; null before any speech. */
export function liveSpeaking(utterances: TranscriptFinalPayload[]): LiveSpeaking | null {
  let words = 0;
  let spokenMs = 0;
  let fillers = 0;
  for (const utterance of utterances) {
    const timed = timedWords(utterance);
    if (timed.length === 0) continue;
    words += timed.length;
    spokenMs += Math.max(0, timed[timed.length - 1].end_ms - timed[0].start_ms);
    fillers += countFillers(timed);
  }
  if (words === 0 || spokenMs <= 0) return null;
  return { words, wordsPerMinute: Math.round(words / (spokenMs / 60_000)), fillers };
}

export const MOMENT_NAMES: Record<SpeakingMomentKind, string> = {
  filler: "Filler words",
  pause: "Long pause",
  fast: "Fast",
  slow: "Slow",
};

/** mm:ss from the interview's start. */
export function formatOffset(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
