"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ClipboardCheck, FileText, Play, RotateCcw, Send, X } from "lucide-react";
import { Brand } from "@/components/brand";
import { ChatPanel } from "@/components/interview/chat-panel";
import { CodeEditor } from "@/components/interview/code-editor";
import { FeedbackDrawer } from "@/components/interview/feedback-drawer";
import { ProblemPanel } from "@/components/interview/problem-panel";
import { ResultsPanel } from "@/components/interview/results-panel";
import { ConnectionBadge, InterviewTimer, MuteButton, PhaseIndicator } from "@/components/interview/status-bar";
import { ThemeToggle } from "@/components/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useInterviewSession, type LoadError } from "@/hooks/use-interview-session";
import { useVoicePlayer } from "@/hooks/use-voice-player";
import { LANGUAGE_NAMES } from "@/lib/display-names";
import { latestRun } from "@/lib/interview-state";
import { DEFAULT_DURATION_MINUTES, loadCode, saveCode, updateSession } from "@/lib/local-sessions";

const MUTED_KEY = "mockmind:voice-muted";

export function InterviewRoom({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const [muted, setMuted] = useState(false);
  const voice = useVoicePlayer(muted);
  const { local, info, loadError, connection, state, actions } = useInterviewSession(sessionId, voice.enqueue);
  const [code, setCode] = useState<string | null>(null);
  const [feedbackOpen, setFeedbackOpen] = useState(false);
  const codeRef = useRef("");

  const language = info?.language ?? local?.language ?? "python";
  const starterCode = state.problem?.starter_code ?? "";

  useEffect(() => {
    try {
      setMuted(localStorage.getItem(MUTED_KEY) === "true");
    } catch {
      /* ignore */
    }
  }, []);

  // The editor starts from what this browser saved, else from the problem's starter code.
  useEffect(() => {
    if (code !== null) return;
    const saved = loadCode(sessionId);
    if (saved !== null) setCode(saved);
    else if (state.problem) setCode(state.problem.starter_code);
  }, [code, sessionId, state.problem]);
  codeRef.current = code ?? "";

  const changeCode = useCallback(
    (next: string) => {
      setCode(next);
      saveCode(sessionId, next);
    },
    [sessionId],
  );

  const toggleMute = () => {
    const next = !muted;
    setMuted(next);
    actions.setVoiceMuted(next);
    try {
      localStorage.setItem(MUTED_KEY, String(next));
    } catch {
      /* ignore */
    }
  };

  const run = useCallback(() => actions.runCode(codeRef.current, language, "run"), [actions, language]);
  const submit = () => actions.runCode(codeRef.current, language, "submit");
  const askFeedback = () => {
    actions.requestFeedback(codeRef.current, language);
    setFeedbackOpen(true);
  };
  const finish = () => {
    updateSession(sessionId, { finished: true });
    router.push(`/report/?id=${encodeURIComponent(sessionId)}`);
  };

  if (loadError) return <LoadFailure error={loadError} />;

  const canAct = connection === "open" || connection === "reconnecting" || connection === "connecting";
  const busy = state.pendingRun !== null;
  const editorReady = code !== null;

  return (
    <div className="flex h-screen min-h-0 flex-col">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b bg-card px-4 py-2">
        <Brand compact />
        <h1 className="min-w-0 max-w-[22ch] truncate text-sm font-semibold" title={state.problem?.title}>
          {state.problem?.title ?? "Interview"}
        </h1>
        <PhaseIndicator phase={state.phase ?? info?.phase ?? null} />
        <div className="ml-auto flex items-center gap-2">
          <ConnectionBadge status={connection} />
          <InterviewTimer startedAt={info?.created_at ?? local?.createdAt ?? null} minutes={local?.durationMinutes ?? DEFAULT_DURATION_MINUTES} />
          <MuteButton muted={muted} speaking={voice.speaking} onToggle={toggleMute} />
          <ThemeToggle />
          <Button variant="outline" size="sm" onClick={askFeedback} disabled={!canAct}>
            <ClipboardCheck aria-hidden /> Get feedback
          </Button>
          <Button variant="secondary" size="sm" onClick={finish}>
            <FileText aria-hidden /> Finish
          </Button>
        </div>
      </header>

      {voice.blocked && !muted ? (
        <div className="flex items-center justify-between gap-2 border-b bg-accent px-4 py-1.5 text-sm" role="status">
          The browser blocked the interviewer&apos;s voice until you interact with the page.
          <Button size="sm" variant="outline" onClick={voice.unblock}>
            Enable voice
          </Button>
        </div>
      ) : null}
      {state.errors.map((error, index) => (
        <div key={`${error.code}-${index}`} role="alert" className="flex items-center justify-between gap-2 border-b border-destructive/30 bg-destructive/10 px-4 py-1.5 text-sm text-destructive">
          <span>
            <span className="font-medium">{error.code}:</span> {error.message}
          </span>
          <Button variant="ghost" size="icon" onClick={() => actions.dismissError(index)} aria-label="Dismiss error">
            <X aria-hidden />
          </Button>
        </div>
      ))}

      <main className="grid min-h-0 flex-1 grid-cols-1 overflow-y-auto lg:grid-cols-[minmax(300px,1fr)_minmax(0,1.55fr)_minmax(300px,1fr)] lg:overflow-hidden">
        {/* tabIndex: scrollable panes must be reachable by keyboard to be scrolled without a mouse */}
        <section aria-label="Problem" tabIndex={0} className="min-h-0 border-b lg:overflow-y-auto lg:border-b-0 lg:border-r">
          <ProblemPanel problem={state.problem} />
        </section>

        <section aria-label="Solution" className="flex min-h-[640px] flex-col border-b lg:min-h-0 lg:border-b-0 lg:border-r">
          <div className="flex items-center gap-2 border-b px-3 py-2">
            <Badge variant="outline">{LANGUAGE_NAMES[language]}</Badge>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => changeCode(starterCode)}
              disabled={!state.problem}
              title="Replace your code with the starter code"
            >
              <RotateCcw aria-hidden /> Reset
            </Button>
            <div className="ml-auto flex items-center gap-2">
              <Button variant="outline" size="sm" onClick={run} disabled={!editorReady || busy || !canAct} title="Run the sample tests (Ctrl+Enter)">
                <Play aria-hidden /> Run
              </Button>
              <Button variant="success" size="sm" onClick={submit} disabled={!editorReady || busy || !canAct} title="Submit against the hidden tests">
                <Send aria-hidden /> Submit
              </Button>
            </div>
          </div>
          <div className="min-h-0 flex-1">
            {editorReady ? (
              <CodeEditor
                language={language}
                value={code ?? ""}
                onChange={changeCode}
                onSnapshot={(snapshot) => actions.snapshotCode(snapshot, language)}
                onRunShortcut={run}
              />
            ) : (
              <p className="p-4 text-sm text-muted-foreground">The editor opens with the problem&apos;s starter code.</p>
            )}
          </div>
          <div className="h-[38%] min-h-[180px] border-t">
            <ResultsPanel run={latestRun(state)} pending={state.pendingRun} sampleTests={state.problem?.sample_tests ?? []} />
          </div>
        </section>

        <section aria-label="Conversation with the interviewer" className="flex h-[600px] min-h-0 flex-col lg:h-auto">
          <ChatPanel
            messages={state.chat}
            activity={state.activity}
            disabled={!canAct}
            onSend={actions.sendMessage}
            onVoice={actions.sendVoice}
          />
        </section>
      </main>

      <FeedbackDrawer open={feedbackOpen} onOpenChange={setFeedbackOpen} status={state.feedback.status} feedback={state.feedback.result} />
    </div>
  );
}

const LOAD_ERRORS: Record<LoadError, string> = {
  unknown_session: "This interview wasn't started in this browser, or it no longer exists.",
  unauthorized: "The gateway did not accept this browser's key for the interview.",
  unreachable: "The MockMind gateway can't be reached right now. Check that it is running and reload.",
};

function LoadFailure({ error }: { error: LoadError }) {
  return (
    <main className="mx-auto flex min-h-full max-w-md flex-col items-center justify-center gap-4 p-8 text-center">
      <Brand />
      <h1 className="text-xl font-semibold">Can&apos;t open this interview</h1>
      <p className="text-sm text-muted-foreground">{LOAD_ERRORS[error]}</p>
      <Button asChild>
        <Link href="/">Start a new interview</Link>
      </Button>
    </main>
  );
}
