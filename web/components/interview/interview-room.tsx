"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ClipboardCheck, FileText, Lightbulb, Play, RotateCcw, Send, X } from "lucide-react";
import { Brand } from "@/components/brand";
import { ChatPanel } from "@/components/interview/chat-panel";
import { CodeEditor } from "@/components/interview/code-editor";
import { FeedbackDrawer } from "@/components/interview/feedback-drawer";
import { ProblemPanel } from "@/components/interview/problem-panel";
import { ResultsPanel } from "@/components/interview/results-panel";
import { HeaderMenu, PaneTabs, type Pane } from "@/components/interview/room-layout";
import { ConnectionBadge, InterviewTimer, MuteButton, PhaseIndicator, TimeUpNotice } from "@/components/interview/status-bar";
import { ThemeToggle } from "@/components/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useInterviewSession, type LoadError } from "@/hooks/use-interview-session";
import { useMediaQuery } from "@/hooks/use-media-query";
import { useServerSpeech } from "@/hooks/use-server-speech";
import { useVoicePlayer } from "@/hooks/use-voice-player";
import { getHealth, serverRecognitionAvailable } from "@/lib/api";
import { liveSpeaking } from "@/lib/speaking";
import { LANGUAGE_NAMES } from "@/lib/display-names";
import { cn } from "@/lib/class-names";
import { codeSizeProblem } from "@/lib/error-messages";
import { latestRun } from "@/lib/interview-state";
import { DEFAULT_DURATION_MINUTES, loadCode, saveCode, updateSession } from "@/lib/local-sessions";

const MUTED_KEY = "mockmind:voice-muted";

export function InterviewRoom({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const [muted, setMuted] = useState(false);
  const voice = useVoicePlayer(muted);
  const { local, info, restoredCode, loadError, connection, state, actions } = useInterviewSession(sessionId, voice.enqueue);
  const [code, setCode] = useState<string | null>(null);
  const [feedbackOpen, setFeedbackOpen] = useState(false);
  const codeRef = useRef("");
  const lastEditAt = useRef(0);
  const [sttAvailable, setSttAvailable] = useState<boolean | null>(null);
  // Off on every visit: the candidate's own voice is stored only while they ask for it.
  const [keepAudio, setKeepAudio] = useState(false);

  // Server recognition is the default wherever the gateway reports a speech-to-text worker.
  useEffect(() => {
    let cancelled = false;
    getHealth().then((health) => {
      if (!cancelled) setSttAvailable(serverRecognitionAvailable(health));
    });
    return () => {
      cancelled = true;
    };
  }, []);
  const serverSpeech = useServerSpeech({
    sendChunk: actions.sendAudioChunk,
    sendEnd: actions.sendAudioEnd,
    sendBargeIn: actions.sendBargeIn,
    interviewer: voice,
    lastEditAt: () => lastEditAt.current,
    lastFinalUtteranceId: state.utterances.at(-1)?.utterance_id ?? null,
    keepAudio,
  });
  const speaking = useMemo(() => liveSpeaking(state.utterances), [state.utterances]);

  const language = info?.language ?? local?.language ?? "python";
  const starterCode = state.problem?.starter_code ?? "";

  useEffect(() => {
    try {
      setMuted(localStorage.getItem(MUTED_KEY) === "true");
    } catch {
      /* ignore */
    }
  }, []);

  // The editor starts from what this browser saved (ahead of the debounced snapshots), else from the
  // server's record (another browser, a cleared one), else from the problem's starter code.
  useEffect(() => {
    if (code !== null) return;
    const saved = loadCode(sessionId);
    if (saved !== null) setCode(saved);
    else if (restoredCode !== null) setCode(restoredCode);
    else if (state.problem) setCode(state.problem.starter_code);
  }, [code, sessionId, state.problem, restoredCode]);
  codeRef.current = code ?? "";

  const changeCode = useCallback(
    (next: string) => {
      lastEditAt.current = Date.now();
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

  // Code over the size limit is never sent: the editor says why and the buttons are disabled.
  const run = useCallback(() => {
    if (!codeSizeProblem(codeRef.current)) actions.runCode(codeRef.current, language, "run");
  }, [actions, language]);
  const submit = () => {
    if (!codeSizeProblem(codeRef.current)) actions.runCode(codeRef.current, language, "submit");
  };
  const askFeedback = () => {
    actions.requestFeedback(codeRef.current, language);
    setFeedbackOpen(true);
  };
  const [finishing, setFinishing] = useState(false);
  const finish = async () => {
    setFinishing(true);
    await actions.endInterview();
    updateSession(sessionId, { finished: true });
    router.push(`/report/?id=${encodeURIComponent(sessionId)}`);
  };

  // Below 1024 px one pane shows at a time; the chat tab marks replies that arrived while away.
  const [pane, setPane] = useState<Pane>("problem");
  const [seenChat, setSeenChat] = useState(0);
  const interviewerLines = state.chat.filter((message) => message.role === "interviewer").length;
  const unreadChat = pane !== "chat" && interviewerLines > seenChat;
  useEffect(() => {
    if (pane === "chat") setSeenChat(interviewerLines);
  }, [pane, interviewerLines]);
  const selectPane = (next: Pane) => setPane(next);
  // Side by side (≥ 1024 px) the panes are plain labelled regions; below, they are the tabs' panels.
  const wide = useMediaQuery("(min-width: 1024px)");
  const paneRole = (name: Pane) => (wide ? {} : { role: "tabpanel" as const, "aria-labelledby": `tab-${name}` });

  const phase = state.phase ?? info?.phase ?? null;
  const startedAt = info?.created_at ?? local?.createdAt ?? null;
  const minutes = local?.durationMinutes ?? DEFAULT_DURATION_MINUTES;

  if (loadError) return <LoadFailure error={loadError} />;

  const canAct = connection === "open" || connection === "reconnecting" || connection === "connecting";
  const busy = state.pendingRun !== null;
  const editorReady = code !== null;
  const sizeProblem = code === null ? null : codeSizeProblem(code);
  const hintsLeft = state.hints.used < state.hints.max;
  const hintLabel = `Hint (${state.hints.used} of ${state.hints.max} used)`;

  const headerActions = (
    <>
      <Button variant="outline" size="sm" onClick={actions.requestHint} disabled={!canAct || !state.problem || !hintsLeft || state.hints.pending} data-testid="hint-button" title={hintsLeft ? "Ask the interviewer for the next hint" : "All hints have been used"}>
        <Lightbulb aria-hidden /> {hintLabel}
      </Button>
      <Button variant="outline" size="sm" onClick={askFeedback} disabled={!canAct}>
        <ClipboardCheck aria-hidden /> Get feedback
      </Button>
    </>
  );

  return (
    <div className="flex h-dvh min-h-0 flex-col">
      <header className="flex items-center gap-x-3 gap-y-2 border-b bg-card px-3 py-2 lg:px-4">
        <Brand compact />
        <h1 className="min-w-0 flex-1 truncate text-sm font-semibold xl:max-w-[22ch] xl:flex-none" title={state.problem?.title}>
          {state.problem?.title ?? "Interview"}
        </h1>
        <div className="hidden min-w-0 xl:block">
          <PhaseIndicator phase={phase} />
        </div>
        <div className="flex shrink-0 items-center gap-2 xl:ml-auto">
          <ConnectionBadge status={connection} />
          <InterviewTimer startedAt={startedAt} minutes={minutes} />
          {/* From 1280 px every action fits in the header; below, the secondary ones sit in a menu. */}
          <div className="hidden items-center gap-2 xl:flex">
            <MuteButton muted={muted} speaking={voice.speaking} onToggle={toggleMute} />
            <ThemeToggle />
            {headerActions}
          </div>
          <Button variant="secondary" size="sm" onClick={finish} disabled={finishing} data-testid="finish-button">
            <FileText aria-hidden /> {finishing ? "Finishing…" : "Finish"}
          </Button>
          <HeaderMenu>
            <PhaseIndicator phase={phase} vertical />
            <div className="flex flex-wrap gap-2">{headerActions}</div>
            <div className="flex items-center gap-2">
              <MuteButton muted={muted} speaking={voice.speaking} onToggle={toggleMute} />
              <ThemeToggle />
            </div>
          </HeaderMenu>
        </div>
      </header>

      <TimeUpNotice startedAt={startedAt} minutes={minutes} onFinish={finish} />
      {voice.blocked && !muted ? (
        <div className="flex items-center justify-between gap-2 border-b bg-accent px-4 py-1.5 text-sm" role="status">
          The browser blocked the interviewer&apos;s voice until you interact with the page.
          <Button size="sm" variant="outline" onClick={voice.unblock}>
            Enable voice
          </Button>
        </div>
      ) : null}
      {state.errors.map((error, index) => (
        <div key={`${error.code}-${index}`} role="alert" className="flex items-center justify-between gap-2 border-b border-destructive/30 bg-destructive/10 px-4 py-1.5 text-sm text-destructive" data-testid="error-banner">
          <span className="min-w-0 break-words">{error.message}</span>
          <Button variant="ghost" size="icon" onClick={() => actions.dismissError(index)} aria-label="Dismiss error">
            <X aria-hidden />
          </Button>
        </div>
      ))}

      <PaneTabs current={pane} onSelect={selectPane} unreadChat={unreadChat} />

      <main className="grid min-h-0 flex-1 grid-cols-1 overflow-hidden lg:grid-cols-[minmax(280px,1fr)_minmax(0,1.55fr)_minmax(280px,1fr)]">
        {/* tabIndex: scrollable panes must be reachable by keyboard to be scrolled without a mouse */}
        <section
          id="pane-problem"
          aria-label="Problem"
          tabIndex={0}
          className={cn("min-h-0 min-w-0 overflow-y-auto lg:block lg:border-r", pane === "problem" ? "block" : "hidden")}
          {...paneRole("problem")}
        >
          <ProblemPanel problem={state.problem} language={language} />
        </section>

        <section
          id="pane-code"
          aria-label="Solution"
          className={cn("min-h-0 min-w-0 flex-col lg:flex lg:border-r", pane === "code" ? "flex" : "hidden")}
          {...paneRole("code")}
        >
          <div className="flex flex-wrap items-center gap-2 border-b px-3 py-2">
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
              <Button variant="outline" size="sm" onClick={run} disabled={!editorReady || busy || !canAct || sizeProblem !== null} title="Run the sample tests (Ctrl+Enter)" aria-describedby={sizeProblem ? "code-size-problem" : undefined}>
                <Play aria-hidden /> Run
              </Button>
              <Button variant="success" size="sm" onClick={submit} disabled={!editorReady || busy || !canAct || sizeProblem !== null} title="Submit against the hidden tests" aria-describedby={sizeProblem ? "code-size-problem" : undefined}>
                <Send aria-hidden /> Submit
              </Button>
            </div>
          </div>
          {sizeProblem ? (
            <p id="code-size-problem" role="alert" className="border-b border-destructive/30 bg-destructive/10 px-3 py-1.5 text-sm text-destructive" data-testid="code-size-problem">
              {sizeProblem}
            </p>
          ) : null}
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
          <p className="border-t px-3 py-1 text-xs text-muted-foreground" id="editor-keyboard-help" data-testid="editor-keyboard-help">
            Tab indents in the editor. To leave it by keyboard: Esc then Tab, or Ctrl+M (toggles Tab) then Tab.
          </p>
          <div className="h-[38%] min-h-[160px] border-t">
            <ResultsPanel
              run={sizeProblem ? null : latestRun(state)}
              pending={state.pendingRun}
              sampleTests={state.problem?.sample_tests ?? []}
              language={language}
              blockedReason={sizeProblem}
            />
          </div>
        </section>

        <section
          id="pane-chat"
          aria-label="Conversation with the interviewer"
          className={cn("min-h-0 min-w-0 flex-col lg:flex", pane === "chat" ? "flex" : "hidden")}
          {...paneRole("chat")}
        >
          <ChatPanel
            messages={state.chat}
            activity={state.activity}
            disabled={!canAct}
            onSend={actions.sendMessage}
            onVoice={actions.sendVoice}
            serverSpeech={{ ...serverSpeech, available: sttAvailable, partial: state.partial?.text ?? null, keepAudio, setKeepAudio }}
            speaking={speaking}
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
