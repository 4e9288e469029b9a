"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { audioMimeType, VoiceQueue } from "@/lib/voice-queue";
import { DUCKED_VOLUME, type BargeInAction } from "@/lib/voice-activity";
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
  /** The candidate is talking over a paused reply: nothing new starts until they stop or take the turn. */
  const held = useRef(false);
  const volume = useRef(1);

  const pump = useCallback(() => {
    if (current.current || mutedRef.current || held.current) return;
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
    // Live chunks carry their audio inline; one replayed from the event log has only its URL.
    const audio = new Audio(chunk.audio_b64 ? `data:${audioMimeType(chunk.format)};base64,${chunk.audio_b64}` : chunk.url);
    audio.volume = volume.current;
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
        // Paused before it began (the candidate started talking while it loaded): the clip stays
        // current, and `resume` plays it; skipping it here would lose the reply and end the barge-in rule's hold.
        if (error instanceof DOMException && error.name === "AbortError" && current.current === audio) return;
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

  /** Carries out the barge-in rule's decisions (lib/voice-activity.ts). */
  const bargeIn = useCallback(
    (action: BargeInAction) => {
      const audio = current.current;
      switch (action) {
        case "duck":
          volume.current = DUCKED_VOLUME;
          if (audio) audio.volume = DUCKED_VOLUME;
          return;
        case "pause":
          held.current = true;
          audio?.pause();
          return;
        case "resume":
          held.current = false;
          volume.current = 1;
          if (audio) {
            audio.volume = 1;
            audio.play().catch(() => undefined);
          } else {
            pump();
          }
          return;
        case "barge_in":
          // The candidate has the turn: the rest of this reply is dropped, late chunks of it too.
          held.current = false;
          volume.current = 1;
          queue.current.clear();
          audio?.pause();
          current.current = null;
          setSpeaking(false);
          return;
      }
    },
    [pump],
  );

  /** A reply is playing, paused under the candidate's voice, or waiting to play. */
  const active = useCallback(() => current.current !== null || queue.current.pending, []);

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

  return { enqueue, speaking, blocked, unblock: () => setBlocked(false), bargeIn, active };
}
