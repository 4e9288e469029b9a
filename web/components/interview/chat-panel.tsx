"use client";

import { useEffect, useRef, useState } from "react";
import { Mic, MicOff, Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { toolActivity } from "@/lib/display-names";
import type { AgentActivity, ChatMessage } from "@/lib/interview-state";
import { useSpeechRecognition } from "@/hooks/use-speech-recognition";
import { cn } from "@/lib/class-names";

interface ChatPanelProps {
  messages: ChatMessage[];
  activity: AgentActivity | null;
  disabled: boolean;
  onSend: (text: string) => void;
  onVoice: (transcript: string, confidence: number, language: string) => void;
}

export function ChatPanel({ messages, activity, disabled, onSend, onVoice }: ChatPanelProps) {
  const [draft, setDraft] = useState("");
  const listEnd = useRef<HTMLDivElement>(null);
  const speech = useSpeechRecognition(({ transcript, confidence, language }) => onVoice(transcript, confidence, language));

  useEffect(() => {
    listEnd.current?.scrollIntoView?.({ block: "end" });
  }, [messages, activity]);

  function submit(event?: React.FormEvent) {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || disabled) return;
    onSend(text);
    setDraft("");
  }

  return (
    <section className="flex h-full min-h-0 flex-col" aria-labelledby="chat-title">
      <header className="flex items-center justify-between border-b px-4 py-2">
        <h2 id="chat-title" className="text-sm font-semibold">
          Interviewer
        </h2>
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
                {message.role === "candidate" ? (message.viaVoice ? "You (voice)" : "You") : "Interviewer"}
              </span>
              <p
                className={cn(
                  "max-w-[92%] whitespace-pre-wrap rounded-lg px-3 py-2 text-sm leading-relaxed",
                  message.role === "candidate" ? "bg-primary text-primary-foreground" : "bg-muted text-foreground",
                )}
              >
                {message.text}
                {message.streaming ? <span className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-current align-middle opacity-60" aria-hidden /> : null}
              </p>
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
        {speech.supported === false ? (
          <p className="rounded-md bg-muted px-3 py-2 text-xs text-muted-foreground" data-testid="no-speech-notice">
            Voice input isn&apos;t available in this browser (it needs the Web Speech API, as in Chrome or Edge). You can
            type your answers instead.
          </p>
        ) : null}
        {speech.error ? (
          <p role="alert" className="text-xs text-destructive">
            {speech.error}
          </p>
        ) : null}
        {speech.listening && speech.interim ? <p className="text-xs italic text-muted-foreground">{speech.interim}…</p> : null}
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
        />
        <div className="flex items-center justify-between gap-2">
          <Button
            variant={speech.listening ? "destructive" : "outline"}
            size="sm"
            onClick={speech.listening ? speech.stop : speech.start}
            disabled={!speech.supported || disabled}
            aria-pressed={speech.listening}
          >
            {speech.listening ? <MicOff aria-hidden /> : <Mic aria-hidden />}
            {speech.listening ? "Stop talking" : "Talk"}
          </Button>
          <Button type="submit" size="sm" disabled={disabled || !draft.trim()}>
            <Send aria-hidden /> Send
          </Button>
        </div>
      </form>
    </section>
  );
}
