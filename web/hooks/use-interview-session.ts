"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { getSession, getTimeline, socketUrl } from "@/lib/api";
import { initialInterviewState, interviewReducer, type LocalMessage } from "@/lib/interview-state";
import { findSession, loadFeedback, saveFeedback, saveSession, updateSession, type LocalSession } from "@/lib/local-sessions";
import { foldTimeline, type Timeline } from "@/lib/timeline";
import { InterviewSocket, type ConnectionStatus } from "@/lib/ws-client";
import { codeSizeProblem } from "@/lib/error-messages";
import type { AudioChunkPayload, ClientEvent, ClientEventType, Language, RunMode, ServerEvent, SessionView, VoiceAudioPayload } from "@/lib/types";

/** Audio older than this when it arrives is a replay after a refresh: show it, don't speak it. */
const STALE_AUDIO_MS = 30_000;
const MAX_RETRIES = 3;
const RETRY_DELAY_MS = 1_000;
/** How long Finish waits for a connection to send `end_interview` before going to the report anyway. */
const END_SEND_WAIT_MS = 4_000;

function newId(): string {
  return globalThis.crypto.randomUUID().replaceAll("-", "");
}

export type LoadError = "unknown_session" | "unauthorized" | "unreachable";

/**
 * Everything the interview room needs from the gateway: the session record, the live event stream
 * folded into state, and the actions the candidate can take.
 */
export function useInterviewSession(sessionId: string | null, onVoice: (chunk: VoiceAudioPayload) => void) {
  const [local, setLocal] = useState<LocalSession | null>(null);
  const [info, setInfo] = useState<SessionView | null>(null);
  const [loadError, setLoadError] = useState<LoadError | null>(null);
  const [connection, setConnection] = useState<ConnectionStatus>("idle");
  const [state, dispatch] = useReducer(interviewReducer, initialInterviewState);
  /** The code in the server's record when the room loaded (null: none yet). */
  const [restoredCode, setRestoredCode] = useState<string | null>(null);
  const socket = useRef<InterviewSocket | null>(null);
  const lastSeqRef = useRef(0);
  /** set_voice is not in the server's contract yet: its rejections are not the candidate's concern. */
  const voiceToggleIds = useRef(new Set<string>());
  /** Events the gateway could not pass on yet ("bus_unavailable"): retried with the same message_id. */
  const retryable = useRef(new Map<string, { event: ClientEvent; tries: number }>());
  /** The type of every event this page sent, so a server error about one can be put in words. */
  const sentTypes = useRef(new Map<string, ClientEventType>());
  const onVoiceRef = useRef(onVoice);
  onVoiceRef.current = onVoice;

  // The session's record on the gateway: the room is rebuilt from it (transcript with the candidate's
  // messages, runs, hints, phase, code), so a reload or another device resumes where it was.
  useEffect(() => {
    if (!sessionId) return;
    const found = findSession(sessionId) ?? adoptSessionFromFragment(sessionId);
    if (!found) {
      setLoadError("unknown_session");
      return;
    }
    let cancelled = false;
    Promise.all([getSession(sessionId, found.token), getTimeline(sessionId, found.token)]).then(
      ([session, timeline]) => {
        if (cancelled) return;
        const record = foldTimeline(timeline.events);
        dispatch({ type: "restore", state: record.interview });
        const savedFeedback = record.interview.feedback.result ? null : loadFeedback(sessionId);
        if (savedFeedback) {
          dispatch({
            type: "server",
            event: { type: "feedback_result", seq: null, message_id: "", session_id: sessionId, timestamp: "", payload: { request_id: "", feedback: savedFeedback } },
          });
        }
        lastSeqRef.current = resumeSeq(timeline);
        setRestoredCode(record.code);
        const complete: LocalSession = {
          ...found,
          difficulty: session.difficulty,
          language: session.language,
          topic: session.topic,
          ...(found.startMessageId === ADOPTED
            ? {
                createdAt: session.created_at,
                durationMinutes: (session.duration_s ?? 2700) / 60,
                // An interview with a record was started elsewhere: this browser must not start it again.
                startMessageId: timeline.events.length ? ADOPTED : null,
              }
            : {}),
        };
        if (!findSession(sessionId)) saveSession(complete);
        setLocal(complete);
        setInfo(session);
      },
      (error: { status?: number }) => {
        if (cancelled) return;
        setLoadError(error.status === 401 || error.status === 403 ? "unauthorized" : error.status === 404 ? "unknown_session" : "unreachable");
      },
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId]);

  /** Re-sends a remembered event after a pause; false once it has been retried enough. */
  const retryLater = useCallback((messageId: string | null) => {
    const entry = messageId ? retryable.current.get(messageId) : undefined;
    if (!entry || entry.tries >= MAX_RETRIES) return false;
    entry.tries += 1;
    setTimeout(() => socket.current?.send(entry.event), RETRY_DELAY_MS * entry.tries);
    return true;
  }, []);

  /** Sends an event the candidate cares about, remembering it in case the gateway asks for a retry. */
  const sendTracked = useCallback((event: ClientEvent) => {
    const messageId = socket.current?.send(event);
    if (messageId) {
      sentTypes.current.set(messageId, event.type);
      retryable.current.set(messageId, { event: { ...event, message_id: messageId } as ClientEvent, tries: 0 });
    }
  }, []);

  const handleEvent = useCallback(
    (event: ServerEvent) => {
      if (event.seq !== null) lastSeqRef.current = event.seq;
      if (event.type === "error" && voiceToggleIds.current.has(event.payload.ref_message_id ?? "")) return;
      if (event.type === "error" && event.payload.code === "bus_unavailable" && retryLater(event.payload.ref_message_id)) return;
      const refType = event.type === "error" ? (sentTypes.current.get(event.payload.ref_message_id ?? "") ?? null) : null;
      if (event.type === "voice_audio") {
        const age = Date.now() - Date.parse(event.timestamp);
        if (!(age > STALE_AUDIO_MS)) onVoiceRef.current(event.payload);
      }
      if (event.type === "feedback_result" && sessionId) saveFeedback(sessionId, event.payload.feedback);
      if (event.type === "problem_presented" && sessionId) updateSession(sessionId, { questionTitle: event.payload.title });
      dispatch({ type: "server", event, refType });
    },
    [sessionId, retryLater],
  );

  // The WebSocket, once the session is known to exist.
  useEffect(() => {
    if (!sessionId || !local || !info) return;
    const client = new InterviewSocket({
      url: () => socketUrl(sessionId),
      token: local.token,
      // Resume after the record already shown: the socket brings only what is newer.
      initialLastSeq: lastSeqRef.current,
      onEvent: handleEvent,
      onStatus: setConnection,
    });
    socket.current = client;
    client.start();
    if (!local.startMessageId) {
      const startMessageId = newId();
      updateSession(sessionId, { startMessageId });
      sendTracked({ type: "start_interview", message_id: startMessageId, payload: {} });
    }
    return () => {
      client.stop();
      socket.current = null;
    };
  }, [sessionId, local, info, handleEvent, sendTracked]);

  const rememberCandidateMessage = useCallback(
    (text: string, viaVoice: boolean) => {
      if (!sessionId) return;
      const message: LocalMessage = { id: newId(), text, viaVoice };
      dispatch({ type: "candidate_message", message });
      return message.id;
    },
    [sessionId],
  );

  const sendMessage = useCallback(
    (text: string) => {
      const messageId = rememberCandidateMessage(text, false);
      sendTracked({ type: "send_message", message_id: messageId, payload: { text } });
    },
    [rememberCandidateMessage, sendTracked],
  );

  const sendVoice = useCallback(
    (transcript: string, confidence: number, language: string) => {
      const messageId = rememberCandidateMessage(transcript, true);
      sendTracked({ type: "send_voice", message_id: messageId, payload: { transcript, confidence, language } });
    },
    [rememberCandidateMessage, sendTracked],
  );

  const runCode = useCallback((code: string, language: Language, mode: RunMode) => {
    dispatch({ type: "run_requested", mode });
    sendTracked({ type: "run_code", payload: { code, language, mode } });
  }, [sendTracked]);

  const snapshotCode = useCallback((code: string, language: Language) => {
    if (codeSizeProblem(code)) return; // the editor says why; the server would only refuse it
    const messageId = socket.current?.send({ type: "code_snapshot", payload: { code, language } });
    if (messageId) sentTypes.current.set(messageId, "code_snapshot");
  }, []);

  const requestHint = useCallback(() => {
    dispatch({ type: "hint_requested" });
    sendTracked({ type: "request_hint", payload: {} });
  }, [sendTracked]);

  /**
   * Tells the server the candidate pressed Finish. Resolves once the event has gone out on an open
   * connection (or after a short wait if the connection is down, so Finish never hangs).
   */
  const endInterview = useCallback(async () => {
    const deadline = Date.now() + END_SEND_WAIT_MS;
    while (socket.current && socket.current.connectionStatus !== "open" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    sendTracked({ type: "end_interview", payload: {} });
  }, [sendTracked]);

  const requestFeedback = useCallback((code: string, language: Language) => {
    dispatch({ type: "feedback_requested" });
    sendTracked({ type: "request_feedback", payload: { code, language } });
  }, [sendTracked]);

  const setVoiceMuted = useCallback((muted: boolean) => {
    dispatch({ type: "set_voice_muted", muted });
    const messageId = socket.current?.send({ type: "set_voice", payload: { muted } });
    if (messageId) voiceToggleIds.current.add(messageId);
  }, []);

  // Audio goes out as it is captured; a lost chunk is not worth a retry (the next one is already late).
  const sendAudioChunk = useCallback((payload: AudioChunkPayload) => {
    socket.current?.send({ type: "audio_chunk", payload });
  }, []);

  const sendAudioEnd = useCallback((utteranceId: string) => {
    socket.current?.send({ type: "audio_end", payload: { utterance_id: utteranceId } });
  }, []);

  const sendBargeIn = useCallback(() => {
    socket.current?.send({ type: "barge_in", payload: {} });
  }, []);

  const dismissError = useCallback((index: number) => dispatch({ type: "dismiss_error", index }), []);

  return {
    local,
    info,
    restoredCode,
    loadError,
    connection,
    state,
    actions: {
      sendMessage,
      sendVoice,
      runCode,
      snapshotCode,
      requestFeedback,
      requestHint,
      endInterview,
      setVoiceMuted,
      dismissError,
      sendAudioChunk,
      sendAudioEnd,
      sendBargeIn,
    },
  };
}

const ADOPTED = "adopted-from-link";

/** The seq the socket resumes after: everything up to it is in the timeline already. */
function resumeSeq(timeline: Timeline): number {
  return Math.max(timeline.session.last_seq, ...timeline.events.map((event) => event.seq));
}

/**
 * `/interview/?id=<session>#token=<token>`: the session carried to another browser with only its token
 * (the fragment never reaches a server). Kept here, then removed from the address bar.
 */
function adoptSessionFromFragment(sessionId: string): LocalSession | null {
  const token = new URLSearchParams(window.location.hash.replace(/^#/, "")).get("token");
  if (!token) return null;
  window.history.replaceState(null, "", window.location.pathname + window.location.search);
  return {
    sessionId,
    token,
    difficulty: "medium",
    language: "python",
    topic: null,
    durationMinutes: 45,
    createdAt: new Date().toISOString(),
    startMessageId: ADOPTED, // settled from the record once it has loaded
  };
}
