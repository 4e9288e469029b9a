"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { getSession, socketUrl } from "@/lib/api";
import { initialInterviewState, interviewReducer, type LocalMessage } from "@/lib/interview-state";
import {
  appendMessage,
  findSession,
  loadFeedback,
  loadMessages,
  saveFeedback,
  updateSession,
  type LocalSession,
} from "@/lib/local-sessions";
import { InterviewSocket, type ConnectionStatus } from "@/lib/ws-client";
import type { ClientEvent, Language, RunMode, ServerEvent, SessionInfo, VoiceAudioPayload } from "@/lib/types";

/** Audio older than this when it arrives is a replay after a refresh: show it, don't speak it. */
const STALE_AUDIO_MS = 30_000;
/** After connecting, how long to wait for the replay before showing the rest of the candidate's messages. */
const REPLAY_SETTLE_MS = 1_200;
const MAX_RETRIES = 3;
const RETRY_DELAY_MS = 1_000;

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
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [loadError, setLoadError] = useState<LoadError | null>(null);
  const [connection, setConnection] = useState<ConnectionStatus>("idle");
  const [state, dispatch] = useReducer(interviewReducer, initialInterviewState);
  const socket = useRef<InterviewSocket | null>(null);
  const lastSeqRef = useRef(0);
  /** set_voice is not in the server's contract yet: its rejections are not the candidate's concern. */
  const voiceToggleIds = useRef(new Set<string>());
  /** Events the gateway could not pass on yet ("bus_unavailable"): retried with the same message_id. */
  const retryable = useRef(new Map<string, { event: ClientEvent; tries: number }>());
  const onVoiceRef = useRef(onVoice);
  onVoiceRef.current = onVoice;

  // The session's record in this browser and on the gateway.
  useEffect(() => {
    if (!sessionId) return;
    const found = findSession(sessionId);
    if (!found) {
      setLoadError("unknown_session");
      return;
    }
    setLocal(found);
    dispatch({ type: "restore_local", messages: loadMessages(sessionId) });
    const savedFeedback = loadFeedback(sessionId);
    if (savedFeedback) {
      dispatch({
        type: "server",
        event: { type: "feedback_result", seq: null, message_id: "", session_id: sessionId, timestamp: "", payload: { request_id: "", feedback: savedFeedback } },
      });
    }
    getSession(sessionId, found.token).then(setInfo, (error: { status?: number }) => {
      setLoadError(error.status === 401 || error.status === 403 ? "unauthorized" : error.status === 404 ? "unknown_session" : "unreachable");
    });
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
    if (messageId) retryable.current.set(messageId, { event: { ...event, message_id: messageId } as ClientEvent, tries: 0 });
  }, []);

  const handleEvent = useCallback(
    (event: ServerEvent) => {
      if (event.seq !== null) lastSeqRef.current = event.seq;
      if (event.type === "error" && voiceToggleIds.current.has(event.payload.ref_message_id ?? "")) return;
      if (event.type === "error" && event.payload.code === "bus_unavailable" && retryLater(event.payload.ref_message_id)) return;
      if (event.type === "voice_audio") {
        const age = Date.now() - Date.parse(event.timestamp);
        if (!(age > STALE_AUDIO_MS)) onVoiceRef.current(event.payload);
      }
      if (event.type === "feedback_result" && sessionId) saveFeedback(sessionId, event.payload.feedback);
      if (event.type === "problem_presented" && sessionId) updateSession(sessionId, { questionTitle: event.payload.title });
      dispatch({ type: "server", event });
    },
    [sessionId, retryLater],
  );

  // The WebSocket, once the session is known to exist.
  useEffect(() => {
    if (!sessionId || !local || !info) return;
    let settleTimer: ReturnType<typeof setTimeout> | null = null;
    const client = new InterviewSocket({
      url: (lastSeq) => socketUrl(sessionId, local.token, lastSeq),
      onEvent: handleEvent,
      onStatus: (status) => {
        setConnection(status);
        if (status === "open" && !settleTimer) {
          settleTimer = setTimeout(() => dispatch({ type: "place_remaining_local" }), REPLAY_SETTLE_MS);
        }
      },
    });
    socket.current = client;
    client.start();
    if (!local.startMessageId) {
      const startMessageId = newId();
      updateSession(sessionId, { startMessageId });
      sendTracked({ type: "start_interview", message_id: startMessageId, payload: {} });
    }
    return () => {
      if (settleTimer) clearTimeout(settleTimer);
      client.stop();
      socket.current = null;
    };
  }, [sessionId, local, info, handleEvent, sendTracked]);

  const rememberCandidateMessage = useCallback(
    (text: string, viaVoice: boolean) => {
      if (!sessionId) return;
      const message: LocalMessage = { id: newId(), text, viaVoice, afterSeq: lastSeqRef.current };
      appendMessage(sessionId, message);
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
    socket.current?.send({ type: "code_snapshot", payload: { code, language } });
  }, []);

  const requestFeedback = useCallback((code: string, language: Language) => {
    dispatch({ type: "feedback_requested" });
    sendTracked({ type: "request_feedback", payload: { code, language } });
  }, [sendTracked]);

  const setVoiceMuted = useCallback((muted: boolean) => {
    dispatch({ type: "set_voice_muted", muted });
    const messageId = socket.current?.send({ type: "set_voice", payload: { muted } });
    if (messageId) voiceToggleIds.current.add(messageId);
  }, []);

  const dismissError = useCallback((index: number) => dispatch({ type: "dismiss_error", index }), []);

  return {
    local,
    info,
    loadError,
    connection,
    state,
    actions: { sendMessage, sendVoice, runCode, snapshotCode, requestFeedback, setVoiceMuted, dismissError },
  };
}
