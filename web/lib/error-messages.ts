/**
 * The server's `error` event codes as a candidate should read them. The server's own message is
 * written for developers (`invalid send_message: send_message.payload.text: …`), so it is never shown.
 */
import { MAX_SOURCE_BYTES, MAX_TEXT_CHARS, type ClientEventType } from "./types";

const BY_EVENT: Partial<Record<ClientEventType, string>> = {
  send_message: "your message",
  send_voice: "your spoken message",
  run_code: "your code",
  code_snapshot: "your code",
  request_feedback: "the feedback request",
  request_hint: "the hint request",
  end_interview: "finishing the interview",
  start_interview: "starting the interview",
};

/** Human text for a server error about one of the candidate's actions (`refType`, when known). */
export function describeServerError(code: string, refType: ClientEventType | null = null): string {
  const what = (refType && BY_EVENT[refType]) ?? "that";
  switch (code) {
    case "invalid_event":
      if (refType === "send_message" || refType === "send_voice") {
        return `That message wasn't sent: messages can be at most ${MAX_TEXT_CHARS.toLocaleString("en-US")} characters.`;
      }
      if (refType === "run_code" || refType === "code_snapshot" || refType === "request_feedback") {
        return `Your code wasn't sent: it can be at most ${MAX_SOURCE_BYTES / 1024} KiB.`;
      }
      return `The server couldn't accept ${what}. Please try again.`;
    case "frame_too_large":
      return "That was too large to send. Shorten your message or code and try again.";
    case "rate_limited":
      return "You're going a little fast. Wait a few seconds and try again.";
    case "bus_unavailable":
      return `The interview service is briefly unavailable, so ${what} didn't go through. Please try again in a moment.`;
    case "interviewer_unavailable":
      return "The interviewer could not answer just now. Please try again in a moment.";
    case "bad_json":
    case "unknown_event_type":
      return "Something went wrong between this page and the server. Reload the page if it keeps happening.";
    case "unauthorized":
    case "forbidden":
      return "The server no longer accepts this browser's key for the interview. Reload the page.";
    default:
      return "Something went wrong on the server. Please try again in a moment.";
  }
}

/** UTF-8 size of a text, as the server measures uploads. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Why code can't be run or submitted, or null when it can. */
export function codeSizeProblem(code: string): string | null {
  const bytes = byteLength(code);
  if (bytes <= MAX_SOURCE_BYTES) return null;
  const kib = (bytes / 1024).toFixed(1);
  return `Your code is ${kib} KiB; the limit is ${MAX_SOURCE_BYTES / 1024} KiB. Shorten it to run or submit.`;
}
