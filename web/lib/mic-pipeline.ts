/**
 * What happens to each block of captured audio: resampled to 16 kHz, cut into 20 ms frames for
 * the voice-activity detector and into 200 ms chunks for the server.
 */
import { Chunker, Resampler, TARGET_RATE, toInt16 } from "./pcm";
import { EnergyVad, FRAME_MS, frameLevelDb } from "./voice-activity";

const FRAME_SAMPLES = (TARGET_RATE * FRAME_MS) / 1000;

export interface PipelineOutput {
  /** 200 ms chunks ready to send. */
  chunks: Int16Array[];
  /** One entry per 20 ms frame completed by this block: is the candidate speaking. */
  speech: boolean[];
}

export class MicPipeline {
  private readonly resampler: Resampler;
  private readonly chunker = new Chunker();
  private readonly frames = new Chunker(FRAME_SAMPLES);
  private readonly vad = new EnergyVad();

  constructor(inputRate: number) {
    this.resampler = new Resampler(inputRate);
  }

  process(block: Float32Array): PipelineOutput {
    const samples = toInt16(this.resampler.process(block));
    const speech = this.frames.push(samples).map((frame) => this.vad.push(frameLevelDb(frame)));
    return { chunks: this.chunker.push(samples), speech };
  }

  /** The audio captured since the last full chunk (when the mic is turned off). */
  flush(): Int16Array | null {
    return this.chunker.flush();
  }
}
