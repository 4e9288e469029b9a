"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { MicUnavailableError, startMicCapture, type MicCapture } from "@/lib/mic-capture";
import { MicPipeline } from "@/lib/mic-pipeline";
import { pcm16Base64 } from "@/lib/pcm";
import { BargeInRule, FRAME_MS, type BargeInAction } from "@/lib/voice-activity";

/**
 * Performance marks of barge-in, so a test (or a person in DevTools) can measure how long the
 * interviewer kept talking after the candidate started: speech seen → playback paused. Each mark's
 * `detail.audio_ms` is the microphone's own clock (captured audio so far), `startTime` the page's.
 */
export const SPEECH_ONSET_MARK = "mockmind:candidate-speech";
export const PLAYBACK_STOPPED_MARK = "mockmind:interviewer-stopped";

/** The editor changed this recently: the candidate is coding, and the server waits longer. */
export const CODING_WINDOW_MS = 5_000;

export interface ServerSpeechOptions {
  sendChunk: (payload: { utterance_id: string; seq: number; pcm16: string; coding: boolean; keep_audio: boolean }) => void;
  sendEnd: (utteranceId: string) => void;
  sendBargeIn: () => void;
  /** The interviewer's voice: whether a reply is playing or queued, and what to do to it. */
  interviewer: { active: () => boolean; bargeIn: (action: BargeInAction) => void };
  /** When the editor last changed (ms since the epoch), for `coding`. */
  lastEditAt: () => number;
  /** The utterance the server most recently finished, so the next audio starts a new one. */
  lastFinalUtteranceId: string | null;
  /** The candidate opted in to keeping their voice for the replay (off unless they tick it). */
  keepAudio: boolean;
}

function newUtteranceId(): string {
  return globalThis.crypto.randomUUID().replaceAll("-", "");
}

/**
 * Server speech recognition: while the mic is on, 200 ms chunks of 16 kHz PCM go over the
 * interview's socket as `audio_chunk`; turning it off sends `audio_end`. The server's voice-activity
 * detection ends utterances on its own; after each `transcript_final` the next audio is a new
 * utterance. The same microphone frames drive the barge-in rule against the interviewer's voice.
 */
export function useServerSpeech(options: ServerSpeechOptions) {
  const [listening, setListening] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const capture = useRef<MicCapture | null>(null);
  const pipeline = useRef<MicPipeline | null>(null);
  const utterance = useRef({ id: newUtteranceId(), seq: 0 });
  const rule = useRef(new BargeInRule());
  const audioMs = useRef(0);
  const opts = useRef(options);
  opts.current = options;

  // The server closed the utterance in progress: what follows is a new one.
  useEffect(() => {
    if (options.lastFinalUtteranceId && options.lastFinalUtteranceId === utterance.current.id) {
      utterance.current = { id: newUtteranceId(), seq: 0 };
    }
  }, [options.lastFinalUtteranceId]);

  const sendChunk = useCallback((samples: Int16Array) => {
    const { id, seq } = utterance.current;
    utterance.current.seq = seq + 1;
    const coding = Date.now() - opts.current.lastEditAt() < CODING_WINDOW_MS;
    const keep_audio = opts.current.keepAudio;
    opts.current.sendChunk({ utterance_id: id, seq, pcm16: pcm16Base64(samples), coding, keep_audio });
  }, []);

  const onBlock = useCallback(
    (block: Float32Array) => {
      const output = pipeline.current?.process(block);
      if (!output) return;
      const { interviewer } = opts.current;
      for (const speaking of output.speech) {
        audioMs.current += FRAME_MS;
        const { holding, paused } = rule.current;
        const action = rule.current.step(speaking, interviewer.active());
        if (!action) continue;
        interviewer.bargeIn(action);
        // A reply that starts while the candidate is already talking is paused at once, with no duck first.
        if (!holding && action !== "resume") performance.mark(SPEECH_ONSET_MARK, { detail: { audio_ms: audioMs.current } });
        if (action === "pause" || (action === "barge_in" && !paused)) {
          performance.mark(PLAYBACK_STOPPED_MARK, { detail: { audio_ms: audioMs.current } });
        }
        if (action === "barge_in") opts.current.sendBargeIn();
      }
      output.chunks.forEach(sendChunk);
    },
    [sendChunk],
  );

  const start = useCallback(async () => {
    if (capture.current || starting) return;
    setStarting(true);
    setError(null);
    try {
      const started = await startMicCapture(onBlock);
      pipeline.current = new MicPipeline(started.sampleRate);
      rule.current = new BargeInRule();
      capture.current = started;
      setListening(true);
    } catch (failure) {
      setError(describeMicFailure(failure));
    } finally {
      setStarting(false);
    }
  }, [onBlock, starting]);

  const stop = useCallback(async () => {
    const running = capture.current;
    if (!running) return;
    capture.current = null;
    setListening(false);
    // The mic went off mid-sound: the interviewer must not stay ducked or paused.
    if (rule.current.holding) opts.current.interviewer.bargeIn("resume");
    rule.current = new BargeInRule();
    await running.stop();
    const rest = pipeline.current?.flush();
    pipeline.current = null;
    if (rest && rest.length > 0) sendChunk(rest);
    if (utterance.current.seq > 0) opts.current.sendEnd(utterance.current.id);
    utterance.current = { id: newUtteranceId(), seq: 0 };
  }, [sendChunk]);

  useEffect(
    () => () => {
      capture.current?.stop();
      capture.current = null;
    },
    [],
  );

  return { listening, starting, error, start, stop };
}

function describeMicFailure(failure: unknown): string {
  if (failure instanceof MicUnavailableError) return failure.message;
  if (failure instanceof DOMException && (failure.name === "NotAllowedError" || failure.name === "SecurityError")) {
    return "Microphone permission was denied.";
  }
  if (failure instanceof DOMException && failure.name === "NotFoundError") return "No microphone was found.";
  return "Could not start the microphone.";
}
