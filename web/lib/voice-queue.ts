/**
 * Decides which interviewer audio chunk plays next: turns in the order they began to arrive, and
 * within a turn strictly by `index` (0, 1, 2, …), however the chunks arrive. A missing chunk holds
 * its turn back until the player gives up on it (`skipStalled`), so a lost frame cannot mute the
 * rest of the interview.
 */
import type { VoiceAudioPayload } from "./types";

export class VoiceQueue {
  private turns: string[] = [];
  private chunks = new Map<string, Map<number, VoiceAudioPayload>>();
  private nextIndex = new Map<string, number>();

  push(chunk: VoiceAudioPayload): void {
    if (!this.chunks.has(chunk.turn_id)) {
      if (this.nextIndex.has(chunk.turn_id)) return; // a turn already played through and dropped
      this.turns.push(chunk.turn_id);
      this.chunks.set(chunk.turn_id, new Map());
      this.nextIndex.set(chunk.turn_id, 0);
    }
    if (chunk.index < this.nextIndex.get(chunk.turn_id)!) return; // already played
    this.chunks.get(chunk.turn_id)!.set(chunk.index, chunk);
  }

  /** The next chunk to play now, or null when the next one in order has not arrived. */
  takeNext(): VoiceAudioPayload | null {
    while (this.turns.length > 0) {
      const turn = this.turns[0];
      const buffered = this.chunks.get(turn)!;
      const index = this.nextIndex.get(turn)!;
      const chunk = buffered.get(index);
      if (chunk) {
        buffered.delete(index);
        this.nextIndex.set(turn, index + 1);
        return chunk;
      }
      // A finished turn (nothing buffered) yields to the next turn once that one has audio.
      if (buffered.size === 0 && this.turns.length > 1) {
        this.dropCurrentTurn();
        continue;
      }
      return null;
    }
    return null;
  }

  /** True when audio is waiting behind a chunk that has not arrived. */
  get stalled(): boolean {
    if (this.turns.length === 0) return false;
    const buffered = this.chunks.get(this.turns[0])!;
    return buffered.size > 0 || this.turns.length > 1;
  }

  /** Audio is buffered to play (now or once a missing chunk arrives). */
  get pending(): boolean {
    return [...this.chunks.values()].some((buffered) => buffered.size > 0);
  }

  /** Give up on the missing chunk: jump to the next buffered index, or to the next turn. */
  skipStalled(): void {
    if (this.turns.length === 0) return;
    const turn = this.turns[0];
    const buffered = this.chunks.get(turn)!;
    if (buffered.size > 0) {
      this.nextIndex.set(turn, Math.min(...buffered.keys()));
    } else if (this.turns.length > 1) {
      this.dropCurrentTurn();
    }
  }

  /** Forget everything queued (the candidate muted the interviewer). */
  clear(): void {
    for (const turn of this.turns) this.chunks.delete(turn);
    this.turns = [];
  }

  private dropCurrentTurn(): void {
    const turn = this.turns.shift()!;
    this.chunks.delete(turn);
  }
}

/** The MIME type a `voice_audio.format` stands for (Polly and espeak-ng names both appear). */
export function audioMimeType(format: string): string {
  switch (format.toLowerCase()) {
    case "mp3":
    case "mpeg":
      return "audio/mpeg";
    case "ogg":
    case "ogg_vorbis":
    case "opus":
      return "audio/ogg";
    case "wav":
    case "wave":
      return "audio/wav";
    default:
      return `audio/${format.toLowerCase()}`;
  }
}
