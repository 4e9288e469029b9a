import { describe, expect, it } from "vitest";
import {
  BARGE_IN_AFTER_MS,
  BargeInRule,
  EnergyVad,
  FRAME_MS,
  frameLevelDb,
  PAUSE_AFTER_MS,
  type BargeInAction,
} from "@/lib/voice-activity";

/** Runs the rule over a script of (speaking, ms) stretches; returns each action with its time. */
function run(script: [boolean, number][], interviewerActive = true): { at: number; action: BargeInAction }[] {
  const rule = new BargeInRule();
  const actions: { at: number; action: BargeInAction }[] = [];
  let now = 0;
  for (const [speaking, ms] of script) {
    for (let elapsed = 0; elapsed < ms; elapsed += FRAME_MS) {
      now += FRAME_MS;
      const action = rule.step(speaking, interviewerActive);
      if (action) actions.push({ at: now, action });
    }
  }
  return actions;
}

describe("barge-in rule", () => {
  it("ducks at once, stops the interviewer within 200 ms of speech, and takes the turn when speech goes on", () => {
    const actions = run([
      [false, 1_000],
      [true, 2_000],
    ]);
    const onset = 1_000 + FRAME_MS;
    expect(actions.map((entry) => entry.action)).toEqual(["duck", "pause", "barge_in"]);
    expect(actions[0].at).toBe(onset);
    const stoppedAfter = actions[1].at - onset + FRAME_MS; // the onset frame's own audio counts
    expect(stoppedAfter).toBeGreaterThanOrEqual(PAUSE_AFTER_MS);
    expect(stoppedAfter).toBeLessThanOrEqual(200);
    expect(actions[2].at - onset + FRAME_MS).toBe(BARGE_IN_AFTER_MS);
  });

  it("lets a backchannel (a 400 ms 'mm-hm') pause the interviewer briefly, then resume, without taking the turn", () => {
    const actions = run([
      [false, 500],
      [true, 400],
      [false, 1_000],
    ]);
    expect(actions.map((entry) => entry.action)).toEqual(["duck", "pause", "resume"]);
  });

  it("a short noise only ducks and restores the volume", () => {
    expect(run([[true, 60], [false, 600]]).map((entry) => entry.action)).toEqual(["duck", "resume"]);
  });

  it("says when it is holding the interviewer, so turning the mic off can let it go", () => {
    const rule = new BargeInRule();
    expect(rule.holding).toBe(false);
    rule.step(true, true);
    expect(rule.holding).toBe(true);
    for (let frame = 0; frame < 40; frame += 1) rule.step(true, true);
    expect(rule.holding).toBe(false); // it interrupted: nothing to resume
  });

  it("does nothing while the interviewer is silent", () => {
    expect(run([[true, 2_000]], false)).toEqual([]);
  });

  it("interrupts once per stretch of speech, and again after a pause", () => {
    const actions = run([
      [true, 1_000],
      [false, 500],
      [true, 1_000],
    ]);
    expect(actions.filter((entry) => entry.action === "barge_in")).toHaveLength(2);
  });
});

describe("energy VAD", () => {
  const frame = (amplitude: number) => Float32Array.from({ length: 320 }, (_, index) => amplitude * Math.sin(index / 3));

  it("hears speech over a learnt noise floor and bridges short gaps between words", () => {
    const vad = new EnergyVad();
    const noise = frameLevelDb(frame(0.003));
    const voice = frameLevelDb(frame(0.2));
    for (let index = 0; index < 50; index += 1) expect(vad.push(noise)).toBe(false);
    expect(vad.push(voice)).toBe(true);
    expect(vad.push(noise)).toBe(true); // 20 ms gap
    expect(vad.push(noise)).toBe(true);
    for (let index = 0; index < 10; index += 1) vad.push(noise);
    expect(vad.push(noise)).toBe(false);
  });

  it("learns a steady loud fan and does not call it speech", () => {
    const vad = new EnergyVad();
    const fan = frameLevelDb(frame(0.02));
    const heard = Array.from({ length: 300 }, () => vad.push(fan));
    expect(heard.slice(-50).some(Boolean)).toBe(false);
  });

  it("measures digital silence as -100 dBFS and a full-scale square as 0", () => {
    expect(frameLevelDb(new Int16Array(320))).toBe(-100);
    expect(frameLevelDb(new Float32Array(320).fill(1))).toBeCloseTo(0);
  });
});
