import { describe, expect, it } from "vitest";
import { audioMimeType, VoiceQueue } from "@/lib/voice-queue";
import type { VoiceAudioPayload } from "@/lib/types";

const chunk = (turn_id: string, index: number): VoiceAudioPayload => ({
  turn_id,
  index,
  format: "mp3",
  audio_b64: "",
  url: "",
  text: `${turn_id}:${index}`,
  duration_ms: null,
});

function drain(queue: VoiceQueue): string[] {
  const played: string[] = [];
  for (let next = queue.takeNext(); next; next = queue.takeNext()) played.push(next.text);
  return played;
}

describe("VoiceQueue", () => {
  it("plays a turn's chunks strictly by index whatever order they arrive in", () => {
    const queue = new VoiceQueue();
    queue.push(chunk("a", 2));
    queue.push(chunk("a", 1));
    expect(queue.takeNext()).toBeNull();
    queue.push(chunk("a", 0));
    expect(drain(queue)).toEqual(["a:0", "a:1", "a:2"]);
  });

  it("moves to the next turn only after the current one has played", () => {
    const queue = new VoiceQueue();
    queue.push(chunk("a", 0));
    queue.push(chunk("b", 0));
    queue.push(chunk("a", 1));
    expect(drain(queue)).toEqual(["a:0", "a:1", "b:0"]);
  });

  it("ignores duplicates and late chunks of a turn that already moved on", () => {
    const queue = new VoiceQueue();
    queue.push(chunk("a", 0));
    expect(drain(queue)).toEqual(["a:0"]);
    queue.push(chunk("a", 0));
    queue.push(chunk("b", 0));
    expect(drain(queue)).toEqual(["b:0"]);
    queue.push(chunk("a", 1));
    expect(drain(queue)).toEqual([]);
  });

  it("skips a chunk that never arrives when asked to", () => {
    const queue = new VoiceQueue();
    queue.push(chunk("a", 0));
    queue.push(chunk("a", 2));
    expect(drain(queue)).toEqual(["a:0"]);
    expect(queue.stalled).toBe(true);
    queue.skipStalled();
    expect(drain(queue)).toEqual(["a:2"]);
  });

  it("drops everything queued on clear", () => {
    const queue = new VoiceQueue();
    queue.push(chunk("a", 1));
    queue.push(chunk("b", 0));
    queue.clear();
    expect(drain(queue)).toEqual([]);
    queue.push(chunk("c", 0));
    expect(drain(queue)).toEqual(["c:0"]);
  });

  it("maps voice formats to MIME types", () => {
    expect(audioMimeType("mp3")).toBe("audio/mpeg");
    expect(audioMimeType("ogg_vorbis")).toBe("audio/ogg");
    expect(audioMimeType("wav")).toBe("audio/wav");
  });
});
