/**
 * Turn-taking on the candidate's side, from the microphone alone: an energy voice-activity
 * detector, and the barge-in rule that decides what the interviewer's voice does when the
 * candidate speaks over it. Pure, so the timings are tested without audio hardware.
 *
 * The barge-in rule (times are of detected speech, gaps under `GAP_MS` bridged):
 * - speech starts while the interviewer is speaking → duck the interviewer's volume at once;
 * - 100 ms of speech → pause the interviewer (the issue asks for 200 ms; the rest is margin for a busy main thread);
 * - 700 ms of speech → a real interruption: drop the rest of the reply and tell the server (`barge_in`);
 * - silence for `RESUME_AFTER_SILENCE_MS` before that → it was a backchannel ("mm-hm", "okay"):
 *   the interviewer goes on from where it paused, at full volume, and the server is not told.
 * A backchannel therefore costs the interviewer a short pause, never the turn.
 */

export const FRAME_MS = 20;
/** Quiet inside a word or between words shorter than this does not end speech. */
export const GAP_MS = 120;
export const PAUSE_AFTER_MS = 100;
export const BARGE_IN_AFTER_MS = 700;
export const RESUME_AFTER_SILENCE_MS = 300;
/** Volume of the interviewer while the candidate may be starting to talk. */
export const DUCKED_VOLUME = 0.25;

/** dBFS of a frame (−100 for digital silence). */
export function frameLevelDb(frame: Float32Array | Int16Array): number {
  const scale = frame instanceof Int16Array ? 0x8000 : 1;
  let energy = 0;
  for (let index = 0; index < frame.length; index += 1) {
    const sample = frame[index] / scale;
    energy += sample * sample;
  }
  const rms = Math.sqrt(energy / Math.max(1, frame.length));
  return rms > 0 ? Math.max(-100, 20 * Math.log10(rms)) : -100;
}

/**
 * Speech is a frame well above the room's noise floor and above an absolute floor. The noise
 * floor drops at once to a quieter frame and rises slowly (seconds) otherwise, so a steady fan is
 * learnt within a few seconds, while speech, which keeps dipping between syllables, is not.
 */
export class EnergyVad {
  private noiseFloorDb = -60;
  private speechMs = 0;
  private silenceMs = GAP_MS;

  constructor(
    private readonly marginDb = 12,
    private readonly absoluteFloorDb = -50,
  ) {}

  /** Feeds one frame; true while the candidate is speaking (gaps under GAP_MS bridged). */
  push(levelDb: number, frameMs = FRAME_MS): boolean {
    const loud = levelDb > Math.max(this.noiseFloorDb + this.marginDb, this.absoluteFloorDb);
    if (loud) {
      this.speechMs += frameMs;
      this.silenceMs = 0;
    } else {
      this.silenceMs += frameMs;
    }
    if (levelDb < this.noiseFloorDb) this.noiseFloorDb = levelDb;
    else this.noiseFloorDb += (levelDb - this.noiseFloorDb) * (loud ? 0.005 : 0.05);
    if (this.silenceMs >= GAP_MS) this.speechMs = 0;
    return this.speechMs > 0;
  }
}

export type BargeInAction = "duck" | "pause" | "resume" | "barge_in";

/**
 * The rule above as a state machine over frames: `step` says what to do to the interviewer's voice
 * after each frame, or null. `interviewerActive` is whether a reply is playing or queued.
 */
export class BargeInRule {
  private speechMs = 0;
  private quietMs = 0;
  private state: "idle" | "ducked" | "paused" | "interrupted" = "idle";

  step(speaking: boolean, interviewerActive: boolean, frameMs = FRAME_MS): BargeInAction | null {
    if (speaking) {
      this.speechMs += frameMs;
      this.quietMs = 0;
    } else {
      this.quietMs += frameMs;
    }
    switch (this.state) {
      case "idle":
        if (!speaking) this.speechMs = 0;
        if (speaking && interviewerActive) {
          this.state = "ducked";
          return this.advance() ?? "duck";
        }
        return null;
      case "ducked":
      case "paused":
        if (!interviewerActive) {
          this.reset();
          return null;
        }
        if (this.quietMs >= RESUME_AFTER_SILENCE_MS) {
          this.reset();
          return "resume";
        }
        return this.advance();
      case "interrupted":
        // One interruption per stretch of speech; the next reply may be interrupted again.
        if (this.quietMs >= RESUME_AFTER_SILENCE_MS) this.reset();
        return null;
    }
  }

  /** The interviewer is ducked or paused under the candidate's voice (to undo if the mic goes off). */
  get holding(): boolean {
    return this.state === "ducked" || this.state === "paused";
  }

  /** The interviewer is paused (not only ducked). */
  get paused(): boolean {
    return this.state === "paused";
  }

  private advance(): BargeInAction | null {
    if (this.speechMs >= BARGE_IN_AFTER_MS) {
      this.state = "interrupted";
      return "barge_in";
    }
    if (this.speechMs >= PAUSE_AFTER_MS && this.state === "ducked") {
      this.state = "paused";
      return "pause";
    }
    return null;
  }

  private reset(): void {
    this.state = "idle";
    this.speechMs = 0;
  }
}
