import { describe, expect, it } from "vitest";
import { MicPipeline } from "@/lib/mic-pipeline";
import { Chunker, CHUNK_SAMPLES, pcm16Base64, Resampler, TARGET_RATE, toInt16 } from "@/lib/pcm";

function sine(frequency: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  const samples = new Float32Array(Math.round(rate * seconds));
  for (let index = 0; index < samples.length; index += 1) samples[index] = amplitude * Math.sin((2 * Math.PI * frequency * index) / rate);
  return samples;
}

/** Strength of one frequency in a signal (a single DFT bin), normalised to the amplitude. */
function magnitudeAt(samples: Float32Array, frequency: number, rate: number): number {
  let re = 0;
  let im = 0;
  for (let index = 0; index < samples.length; index += 1) {
    re += samples[index] * Math.cos((2 * Math.PI * frequency * index) / rate);
    im -= samples[index] * Math.sin((2 * Math.PI * frequency * index) / rate);
  }
  return (2 * Math.hypot(re, im)) / samples.length;
}

/** Feeds a signal in uneven blocks, as an audio thread delivers it. */
function inBlocks(resampler: Resampler, input: Float32Array, sizes = [128, 1024, 333, 4096]): Float32Array {
  const parts: Float32Array[] = [];
  for (let offset = 0, turn = 0; offset < input.length; turn += 1) {
    const size = sizes[turn % sizes.length];
    parts.push(resampler.process(input.subarray(offset, offset + size)));
    offset += size;
  }
  const output = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((offset, part) => (output.set(part, offset), offset + part.length), 0);
  return output;
}

describe("Resampler", () => {
  it.each([48_000, 44_100])("turns %i Hz into 16 kHz with the tone where it was, across uneven blocks", (rate) => {
    const output = inBlocks(new Resampler(rate), sine(440, rate, 1));
    expect(Math.abs(output.length - TARGET_RATE)).toBeLessThanOrEqual(1);
    expect(magnitudeAt(output, 440, TARGET_RATE)).toBeGreaterThan(0.45);
    expect(magnitudeAt(output, 1000, TARGET_RATE)).toBeLessThan(0.02);
  });

  it("damps a tone above 8 kHz instead of folding it into the speech band at full strength", () => {
    const output = inBlocks(new Resampler(48_000), sine(12_000, 48_000, 1));
    // 12 kHz would alias to 4 kHz; the averaging keeps it well down
    expect(magnitudeAt(output, 4_000, TARGET_RATE)).toBeLessThan(0.2);
  });

  it("refuses to resample up", () => {
    expect(() => new Resampler(8_000)).toThrow();
  });
});

describe("PCM", () => {
  it("clips to int16 and keeps the sign", () => {
    expect(Array.from(toInt16(new Float32Array([0, 1, -1, 2, -2, 0.5])))).toEqual([0, 32767, -32768, 32767, -32768, 16384]);
  });

  it("encodes little-endian bytes as base64", () => {
    const encoded = pcm16Base64(new Int16Array([1, -2, 0x1234]));
    expect(Array.from(Buffer.from(encoded, "base64"))).toEqual([0x01, 0x00, 0xfe, 0xff, 0x34, 0x12]);
  });

  it("cuts 200 ms chunks (6,400 bytes, under the 16,000-byte limit) and keeps the rest for flush", () => {
    const chunker = new Chunker();
    const first = chunker.push(new Int16Array(CHUNK_SAMPLES + 100).fill(7));
    expect(first).toHaveLength(1);
    expect(first[0].length).toBe(3_200);
    expect(first[0].length * 2).toBeLessThanOrEqual(16_000);
    expect(chunker.push(new Int16Array(CHUNK_SAMPLES - 200))).toEqual([]);
    const last = chunker.flush();
    expect(last?.length).toBe(CHUNK_SAMPLES - 100);
    expect(chunker.flush()).toBeNull();
  });
});

describe("MicPipeline", () => {
  it("turns a second of 48 kHz capture into five chunks and fifty frames, speech only where it is loud", () => {
    const pipeline = new MicPipeline(48_000);
    const quiet = new Float32Array(24_000);
    const loud = sine(300, 48_000, 0.5, 0.3);
    const chunks: Int16Array[] = [];
    const speech: boolean[] = [];
    for (const part of [quiet, loud]) {
      for (let offset = 0; offset < part.length; offset += 1024) {
        const output = pipeline.process(part.subarray(offset, offset + 1024));
        chunks.push(...output.chunks);
        speech.push(...output.speech);
      }
    }
    expect(chunks).toHaveLength(5);
    expect(speech).toHaveLength(50);
    expect(speech.slice(0, 25).some(Boolean)).toBe(false);
    expect(speech.slice(26).every(Boolean)).toBe(true);
  });
});
