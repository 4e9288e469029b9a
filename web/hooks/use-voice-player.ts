"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { audioMimeType, VoiceQueue } from "@/lib/voice-queue";
import type { VoiceAudioPayload } from "@/lib/types";

/** How long playback waits for a missing chunk before skipping it. */
const STALL_MS = 2_000;

/**
 * Plays the interviewer's `voice_audio` chunks one at a time, in order (see VoiceQueue).
 * Muting stops the current clip and drops everything queued.
 */
export function useVoicePlayer(muted: boolean) {
  const queue = useRef(new VoiceQueue());
  const current = useRef<HTMLAudioElement | null>(null);
  const stallTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mutedRef = useRef(muted);
  const [speaking, setSpeaking] = useState(false);
  const [blocked, setBlocked] = useState(false);

  const pump = useCallback(() => {
    if (current.current || mutedRef.current) return;
    const chunk = queue.current.takeNext();
    if (!chunk) {
      setSpeaking(false);
      if (queue.current.stalled && !stallTimer.current) {
        stallTimer.current = setTimeout(() => {
          stallTimer.current = null;
          queue.current.skipStalled();
          pump();
        }, STALL_MS);
      }
      return;
    }
    const audio = new Audio(`data:${audioMimeType(chunk.format)};base64,${chunk.audio_b64}`);
    current.current = audio;
    setSpeaking(true);
    const next = () => {
      if (current.current !== audio) return;
      current.current = null;
      pump();
    };
    audio.onended = next;
    audio.onerror = next;
    audio.play().then(
      () => setBlocked(false),
      (error: unknown) => {
        // Autoplay refused until the page gets a click: say so, and move on rather than stall.
        if (error instanceof DOMException && error.name === "NotAllowedError") setBlocked(true);
        next();
      },
    );
  }, []);

  const enqueue = useCallback(
    (chunk: VoiceAudioPayload) => {
      if (mutedRef.current) return;
      queue.current.push(chunk);
      pump();
    },
    [pump],
  );

  useEffect(() => {
    mutedRef.current = muted;
    if (muted) {
      queue.current.clear();
      current.current?.pause();
      current.current = null;
      setSpeaking(false);
    }
  }, [muted]);

  useEffect(
    () => () => {
      current.current?.pause();
      if (stallTimer.current) clearTimeout(stallTimer.current);
    },
    [],
  );

  return { enqueue, speaking, blocked, unblock: () => setBlocked(false) };
}
