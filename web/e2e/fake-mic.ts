/**
 * Chromium's fake microphone, fed from a WAV file made at test time (nothing binary is committed):
 * `--use-file-for-fake-audio-capture` plays the file into every capture, looping it.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { chromiumLaunchOptions } from "./browser";

const RATE = 16_000;

/** 16-bit mono PCM WAV. */
export function wavBytes(samples: Float32Array, rate = RATE): Buffer {
  const buffer = Buffer.alloc(44 + samples.length * 2);
  buffer.write("RIFF", 0);
  buffer.writeUInt32LE(36 + samples.length * 2, 4);
  buffer.write("WAVEfmt ", 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write("data", 36);
  buffer.writeUInt32LE(samples.length * 2, 40);
  samples.forEach((sample, index) => buffer.writeInt16LE(Math.round(Math.max(-1, Math.min(1, sample)) * 32767), 44 + index * 2));
  return buffer;
}

/**
 * A voice-like sound: a 130 Hz buzz with vowel-like formants, its loudness moving at a syllable
 * rate, as loud as a person near a laptop. Not words; enough for an energy VAD and the UI.
 */
function voiced(seconds: number): Float32Array {
  const samples = new Float32Array(Math.round(RATE * seconds));
  const formants = [700, 1_200, 2_600];
  for (let index = 0; index < samples.length; index += 1) {
    const time = index / RATE;
    let value = 0;
    for (let harmonic = 1; harmonic * 130 < 4_000; harmonic += 1) {
      const frequency = harmonic * 130;
      const weight = formants.reduce((sum, formant) => sum + 1 / (1 + ((frequency - formant) / 150) ** 2), 0);
      value += (weight / harmonic ** 0.5) * Math.sin(2 * Math.PI * frequency * time);
    }
    const syllables = 0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * time);
    samples[index] = 0.05 * syllables * value;
  }
  return samples;
}

/** Silence and voice, one after the other: [[seconds, speaking], …]. */
export function scriptedVoice(parts: [number, boolean][]): Float32Array {
  const pieces = parts.map(([seconds, speaking]) => (speaking ? voiced(seconds) : new Float32Array(Math.round(RATE * seconds))));
  const total = new Float32Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  pieces.reduce((offset, piece) => (total.set(piece, offset), offset + piece.length), 0);
  return total;
}

function tempPath(name: string): string {
  const dir = join(tmpdir(), "mockmind-fake-mic");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

export function writeWav(name: string, samples: Float32Array): string {
  const path = tempPath(name);
  writeFileSync(path, wavBytes(samples));
  return path;
}

const REPOSITORY = fileURLToPath(new URL("../../", import.meta.url));

const PIPER_WAV = `
import sys, wave
from tts.piper import microphone_pcm
path, text, after_s = sys.argv[1], sys.argv[2], float(sys.argv[3])
quiet = lambda seconds: bytes(2 * int(16000 * seconds))
with wave.open(path, "wb") as out:
    out.setnchannels(1); out.setsampwidth(2); out.setframerate(16000)
    out.writeframes(quiet(0.5) + microphone_pcm(text) + quiet(after_s))
`;

/**
 * Real words, spoken offline by Piper through the repository's own scripted candidate
 * (`tts.piper.microphone_pcm`, as `make bench-voice` uses), with silence after them.
 */
export function spokenWav(name: string, text: string, silenceAfterS: number): string {
  const path = tempPath(name);
  const made = spawnSync("uv", ["run", "--frozen", "python", "-c", PIPER_WAV, path, text, String(silenceAfterS)], {
    cwd: REPOSITORY,
    encoding: "utf8",
    timeout: 180_000,
  });
  if (made.status !== 0) throw new Error(`Piper could not speak the candidate's line: ${made.stderr}`);
  return path;
}

/** Chromium with a fake microphone playing `wav`, no permission prompt, and autoplay allowed. */
export function fakeMicLaunchOptions(wav: string) {
  return {
    ...chromiumLaunchOptions,
    args: [
      ...chromiumLaunchOptions.args,
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-audio-capture=${wav}`,
      "--autoplay-policy=no-user-gesture-required",
    ],
  };
}

export interface BargeInDelay {
  /** Page clock: speech seen → interviewer paused (includes a busy main thread). */
  wall_ms: number;
  /** Microphone clock: captured audio between the two (the rule's own budget). */
  audio_ms: number;
}

/**
 * Every time the candidate's voice stopped the interviewer, from the page's performance marks
 * (hooks/use-server-speech.ts): each onset paired with the stop that followed it before the next onset.
 */
export async function bargeInDelays(page: Page): Promise<BargeInDelay[]> {
  const marks = await page.evaluate(() =>
    ["mockmind:candidate-speech", "mockmind:interviewer-stopped"].map((name) =>
      performance.getEntriesByName(name).map((entry) => ({ at: entry.startTime, audio: (entry as PerformanceMark).detail.audio_ms as number })),
    ),
  );
  const [onsets, stops] = marks;
  return onsets.flatMap((onset, index) => {
    const next = onsets[index + 1]?.at ?? Infinity;
    const stop = stops.find((entry) => entry.at >= onset.at && entry.at < next);
    return stop ? [{ wall_ms: stop.at - onset.at, audio_ms: stop.audio - onset.audio + 20 }] : [];
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
