"use client";

import { useEffect, useRef, useState } from "react";
import { AudioLines, Mic, MicOff, Send } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { toolActivity } from "@/lib/display-names";
import { MAX_TEXT_CHARS } from "@/lib/types";
import { humaniseTestIds } from "@/lib/wording";
import type { AgentActivity, ChatMessage } from "@/lib/interview-state";
import { useSpeechRecognition } from "@/hooks/use-speech-recognition";
import { cn } from "@/lib/class-names";
import type { LiveSpeaking } from "@/lib/speaking";
import { recognitionMode, type Recognition } from "@/lib/recognition";

const RECOGNITION_KEY = "mockmind:speech-recognition";

/** The server's recognition, driven by the room (it shares the microphone with barge-in). */
export interface ServerSpeech {
  /** null while the room is still asking the gateway. */
  available: boolean | null;
  listening: boolean;
  starting: boolean;
  error: string | null;
  start: () => void;
  stop: () => void;
  /** What the server has heard so far of the utterance in progress. */
  partial: string | null;
  /** Keep the candidate's own voice for the replay (opt-in, off by default). */
  keepAudio: boolean;
  setKeepAudio: (keep: boolean) => void;
}

interface ChatPanelProps {
  messages: ChatMessage[];
  activity: AgentActivity | null;
  disabled: boolean;
  onSend: (text: string) => void;
  onVoice: (transcript: string, confidence: number, language: string) => void;
  serverSpeech: ServerSpeech;
  speaking: LiveSpeaking | null;
}

export function ChatPanel({ messages, activity, disabled, onSend, onVoice, serverSpeech, speaking }: ChatPanelProps) {
  const [draft, setDraft] = useState("");
  const listEnd = useRef<HTMLDivElement>(null);
  const browserSpeech = useSpeechRecognition(({ transcript, confidence, language }) => onVoice(transcript, confidence, language));
  const [preferred, setPreferred] = useState<Recognition | null>(null);
  useEffect(() => {
    try {
      const saved = localStorage.getItem(RECOGNITION_KEY);
      if (saved === "server" || saved === "browser") setPreferred(saved);
    } catch {
      /* ignore */
    }
  }, []);
  const choose = (next: Recognition) => {
    setPreferred(next);
    try {
      localStorage.setItem(RECOGNITION_KEY, next);
    } catch {
      /* ignore */
    }
  };
  const mode = recognitionMode(preferred, serverSpeech.available, browserSpeech.supported);
  const speech =
    mode === "server"
      ? { supported: true, listening: serverSpeech.listening, error: serverSpeech.error, start: serverSpeech.start, stop: serverSpeech.stop, interim: serverSpeech.partial ?? "" }
      : browserSpeech;
  const bothAvailable = serverSpeech.available === true && browserSpeech.supported === true;

  useEffect(() => {
    listEnd.current?.scrollIntoView?.({ block: "end" });
  }, [messages, activity]);

  const length = draft.trim().length;
  const tooLong = length > MAX_TEXT_CHARS;
  const nearLimit = length > MAX_TEXT_CHARS * 0.8;

  function submit(event?: React.FormEvent) {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || disabled || text.length > MAX_TEXT_CHARS) return; // the counter already says why
    onSend(text);
    setDraft("");
  }

  return (
    <section className="flex h-full min-h-0 flex-col" aria-labelledby="chat-title">
      <header className="flex items-center justify-between gap-2 border-b px-4 py-2">
        <h2 id="chat-title" className="text-sm font-semibold">
          Interviewer
        </h2>
        {speaking ? <SpeakingChip speaking={speaking} /> : null}
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3" tabIndex={0} role="region" aria-label="Conversation history">
        <ol className="flex flex-col gap-3" aria-label="Conversation" aria-live="polite" aria-relevant="additions">
          {messages.map((message) => (
            <li
              key={message.id}
              className={cn("flex flex-col gap-1", message.role === "candidate" ? "items-end" : "items-start")}
              data-testid={`chat-${message.role}`}
            >
              <span className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">
                {message.role === "candidate"
                  ? message.backchannel ? "You (voice, acknowledgement)" : message.viaVoice ? "You (voice)" : "You"
                  : message.interrupted ? "Interviewer (interrupted)" : "Interviewer"}
              </span>
              <p
                className={cn(
                  "max-w-[92%] whitespace-pre-wrap break-words rounded-lg px-3 py-2 text-sm leading-relaxed [overflow-wrap:anywhere]",
                  message.failed
                    ? "border border-dashed border-destructive/60 bg-card text-foreground"
                    : message.role === "candidate"
                      ? "bg-primary text-primary-foreground"
                      : "bg-muted text-foreground",
                )}
              >
                {message.role === "interviewer" ? humaniseTestIds(message.text) : message.text}
                {message.streaming ? <span className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-current align-middle opacity-60" aria-hidden /> : null}
              </p>
              {message.failed ? (
                <span className="max-w-[92%] text-xs text-destructive" data-testid="message-not-sent">
                  Not sent. {message.failed}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
        {activity ? (
          <p role="status" className="mt-3 flex items-center gap-2 text-sm text-muted-foreground" data-testid="agent-activity">
            <span className="flex gap-1" aria-hidden>
              <span className="mm-dot size-1.5 rounded-full bg-primary" />
              <span className="mm-dot size-1.5 rounded-full bg-primary" />
              <span className="mm-dot size-1.5 rounded-full bg-primary" />
            </span>
            {toolActivity(activity.tool, activity.status)}
          </p>
        ) : null}
        <div ref={listEnd} />
      </div>
      <form onSubmit={submit} className="flex flex-col gap-2 border-t p-3">
        {mode === "server" ? (
          <p className="text-xs text-muted-foreground" data-testid="speech-privacy">
            Talk streams your microphone to this MockMind server, which turns it into text. Speak over the interviewer to
            interrupt: it pauses at once and stops if you keep talking.
          </p>
        ) : null}
        {mode === "server" ? (
          <label className="flex items-center gap-2 text-xs text-muted-foreground">
            <input
              type="checkbox"
              checked={serverSpeech.keepAudio}
              onChange={(event) => serverSpeech.setKeepAudio(event.target.checked)}
              data-testid="keep-voice"
            />
            Keep my voice for the replay (otherwise only the text of what you say is kept)
          </label>
        ) : mode === "browser" ? (
          <p className="text-xs text-muted-foreground" data-testid="speech-privacy">
            Talk uses your browser&apos;s speech recognition, which sends your audio to the browser&apos;s maker (Google for
            Chrome, Microsoft for Edge) to turn it into text. Type instead if you&apos;d rather not.
          </p>
        ) : null}
        {bothAvailable ? (
          <div className="flex items-center gap-2 text-xs">
            <label htmlFor="speech-recognition" className="text-muted-foreground">
              Speech recognition
            </label>
            <select
              id="speech-recognition"
              className="rounded-md border bg-background px-1.5 py-0.5"
              value={mode ?? "server"}
              onChange={(event) => choose(event.target.value as Recognition)}
              disabled={speech.listening}
              data-testid="speech-recognition-choice"
            >
              <option value="server">MockMind server</option>
              <option value="browser">Browser (Web Speech)</option>
            </select>
          </div>
        ) : null}
        {mode === null && browserSpeech.supported === false && serverSpeech.available === false ? (
          <p className="rounded-md bg-muted px-3 py-2 text-xs text-muted-foreground" data-testid="no-speech-notice">
            Voice input isn&apos;t available: this MockMind server runs no speech recognition, and this browser has no Web
            Speech API (as in Chrome or Edge). You can type your answers instead.
          </p>
        ) : null}
        {speech.error ? (
          <p role="alert" className="text-xs text-destructive">
            {speech.error}
          </p>
        ) : null}
        {speech.interim && (speech.listening || mode === "server") ? (
          <p className="text-xs italic text-muted-foreground" data-testid="transcript-partial" aria-live="polite">
            {speech.interim}…
          </p>
        ) : null}
        <label htmlFor="chat-input" className="sr-only">
          Message the interviewer
        </label>
        <Textarea
          id="chat-input"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
          }}
          placeholder="Ask a question or explain your approach… (Enter to send, Shift+Enter for a new line)"
          rows={2}
          disabled={disabled}
          className="resize-none"
          aria-invalid={tooLong || undefined}
          aria-describedby="chat-length"
        />
        <p
          id="chat-length"
          className={cn("text-right text-xs tabular-nums", tooLong ? "font-medium text-destructive" : nearLimit ? "text-warning" : "text-muted-foreground")}
          aria-live={nearLimit ? "polite" : "off"}
          data-testid="chat-length"
        >
          {tooLong
            ? `${length.toLocaleString("en-US")} / ${MAX_TEXT_CHARS.toLocaleString("en-US")} characters: shorten your message by ${(length - MAX_TEXT_CHARS).toLocaleString("en-US")} to send it.`
            : `${length.toLocaleString("en-US")} / ${MAX_TEXT_CHARS.toLocaleString("en-US")}`}
        </p>
        <div className="flex items-center justify-between gap-2">
          <Button
            variant={speech.listening ? "destructive" : "outline"}
            size="sm"
            onClick={speech.listening ? speech.stop : speech.start}
            disabled={mode === null || disabled || (mode === "server" && serverSpeech.starting)}
            aria-pressed={speech.listening}
            data-testid="talk-button"
          >
            {speech.listening ? <MicOff aria-hidden /> : <Mic aria-hidden />}
            {speech.listening ? "Stop talking" : "Talk"}
          </Button>
          <Button type="submit" size="sm" disabled={disabled || !draft.trim() || tooLong}>
            <Send aria-hidden /> Send
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Pace and filler words so far, from the server's final transcripts. */
function SpeakingChip({ speaking }: { speaking: LiveSpeaking }) {
  const fillers = `${speaking.fillers} filler ${speaking.fillers === 1 ? "word" : "words"}`;
  return (
    <Badge variant="outline" className="gap-1 tabular-nums" data-testid="speaking-chip" title="Your speaking so far" aria-label={`Your speaking so far: ${speaking.wordsPerMinute} words a minute, ${fillers}`}>
      <AudioLines className="size-3" aria-hidden />
      {speaking.wordsPerMinute} wpm · {fillers}
    </Badge>
  );
}
