/**
 * Microphone audio as the server's speech recognition wants it: 16 kHz mono little-endian int16
 * PCM in chunks of `CHUNK_MS` (contracts: `audio_chunk.pcm16`). The browser captures at its own
 * rate (44.1 or 48 kHz; Firefox cannot capture at another rate), so the stream is resampled here.
 */

export const TARGET_RATE = 16_000;
/** 200 ms: inside the agreed 100–250 ms, few enough messages (5 a second) for the socket. */
export const CHUNK_MS = 200;
export const CHUNK_SAMPLES = (TARGET_RATE * CHUNK_MS) / 1000;

/**
 * Streaming resampler to 16 kHz: each output sample is the mean of the input samples in its
 * period. Averaging is a box low-pass, enough to keep speech above 8 kHz from folding into the
 * band Whisper listens to; state carries over between blocks, so block boundaries leave no seams.
 */
export class Resampler {
  private readonly ratio: number;
  private position = 0; // input samples seen, minus those already folded into output
  private sum = 0;
  private count = 0;

  constructor(readonly inputRate: number) {
    if (!(inputRate >= TARGET_RATE)) throw new Error(`cannot resample up from ${inputRate} Hz`);
    this.ratio = inputRate / TARGET_RATE;
  }

  process(input: Float32Array): Float32Array {
    const output = new Float32Array(Math.ceil((input.length + this.position) / this.ratio) + 1);
    let written = 0;
    for (let index = 0; index < input.length; index += 1) {
      this.sum += input[index];
      this.count += 1;
      this.position += 1;
      if (this.position >= this.ratio) {
        output[written++] = this.sum / this.count;
        this.position -= this.ratio;
        this.sum = 0;
        this.count = 0;
      }
    }
    return output.subarray(0, written);
  }
}

/** Float samples in [-1, 1] to int16, clipping what is out of range. */
export function toInt16(samples: Float32Array): Int16Array {
  const output = new Int16Array(samples.length);
  for (let index = 0; index < samples.length; index += 1) {
    const clipped = Math.max(-1, Math.min(1, samples[index]));
    output[index] = clipped < 0 ? Math.round(clipped * 0x8000) : Math.round(clipped * 0x7fff);
  }
  return output;
}

/** Collects samples and hands out fixed-size chunks; `flush` returns the last, shorter one. */
export class Chunker {
  private buffer: Int16Array;
  private filled = 0;

  constructor(private readonly size = CHUNK_SAMPLES) {
    this.buffer = new Int16Array(size);
  }

  push(samples: Int16Array): Int16Array[] {
    const chunks: Int16Array[] = [];
    let offset = 0;
    while (offset < samples.length) {
      const taken = Math.min(this.size - this.filled, samples.length - offset);
      this.buffer.set(samples.subarray(offset, offset + taken), this.filled);
      this.filled += taken;
      offset += taken;
      if (this.filled === this.size) {
        chunks.push(this.buffer);
        this.buffer = new Int16Array(this.size);
        this.filled = 0;
      }
    }
    return chunks;
  }

  flush(): Int16Array | null {
    if (this.filled === 0) return null;
    const last = this.buffer.slice(0, this.filled);
    this.filled = 0;
    return last;
  }
}

/** Int16 samples as base64 of their little-endian bytes, whatever the machine's byte order. */
export function pcm16Base64(samples: Int16Array): string {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((sample, index) => view.setInt16(index * 2, sample, true));
  let binary = "";
  const step = 0x8000; // String.fromCharCode takes a bounded number of arguments
  for (let offset = 0; offset < bytes.length; offset += step) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + step));
  }
  return btoa(binary);
}
