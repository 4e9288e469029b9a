"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Copy, Pause, Play, Share2, Volume2 } from "lucide-react";
import { BackHomePage } from "@/components/back-home-page";
import { Scrubber } from "@/components/replay/scrubber";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { LoadingStatus } from "@/components/loading-status";
import { ApiError, getSharedTimeline, getTimeline, shareSession } from "@/lib/api";
import { cn } from "@/lib/class-names";
import { PHASE_NAMES, VERDICT_NAMES } from "@/lib/display-names";
import { findSession } from "@/lib/local-sessions";
import { audioUpTo, type AudioClip, diffLines, foldTimeline, markers, nextMarkerAt, phaseBands, timelineSpan, type ShareLink, type Timeline } from "@/lib/timeline";

const SPEEDS = [1, 2, 4, 8, 16];
const STEP_MS = 5_000;
const TICK_MS = 100;

type Source = { kind: "session"; sessionId: string } | { kind: "share"; token: string };
type Loaded = { status: "loading" } | { status: "failed"; title: string; detail: string } | { status: "ready"; timeline: Timeline };

export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * `/replay?session=<id>` (with this browser's token) or `/replay?share=<token>` (read-only, for a
 * mentor): the interview's record on a timeline, with the code, conversation and results of any moment.
 */
export function ReplayView({ source }: { source: Source }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    const load = async (): Promise<Timeline> => {
      if (source.kind === "share") return getSharedTimeline(source.token);
      const local = findSession(source.sessionId);
      if (!local) throw new ApiError(404, "not in this browser");
      return getTimeline(source.sessionId, local.token);
    };
    load().then(
      (timeline) => !cancelled && setLoaded({ status: "ready", timeline }),
      (error: unknown) => !cancelled && setLoaded({ status: "failed", ...describeFailure(error, source) }),
    );
    return () => {
      cancelled = true;
    };
  }, [source]);

  return (
    <BackHomePage width="max-w-7xl" gap="gap-4">
      {loaded.status === "loading" ? (
        <LoadingStatus>Loading the replay…</LoadingStatus>
      ) : loaded.status === "failed" ? (
        <div role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 p-4">
          <h1 className="font-semibold">{loaded.title}</h1>
          <p className="text-sm">{loaded.detail}</p>
        </div>
      ) : (
        <ReplayPlayer timeline={loaded.timeline} source={source} />
      )}
    </BackHomePage>
  );
}

function describeFailure(error: unknown, source: Source): { title: string; detail: string } {
  const status = error instanceof ApiError ? error.status : 0;
  if (source.kind === "share" && status === 410) return { title: "This share link has expired", detail: "Ask the candidate for a new link." };
  if (source.kind === "share" && status === 403) return { title: "This share link is not valid", detail: "Check that the whole link was copied." };
  if (source.kind === "session" && status === 404) return { title: "This interview is not in this browser", detail: "Open the replay from the browser you interviewed in, or ask for a share link." };
  if (status === 401 || status === 403) return { title: "This interview's access has expired", detail: "Replays of your own interviews open for as long as their session token lasts; a share link works for longer." };
  return { title: "The replay could not be loaded", detail: "Check your connection and try again." };
}

function ReplayPlayer({ timeline, source }: { timeline: Timeline; source: Source }) {
  const span = useMemo(() => timelineSpan(timeline), [timeline]);
  const bands = useMemo(() => phaseBands(timeline), [timeline]);
  const allMarkers = useMemo(() => markers(timeline), [timeline]);
  const [atMs, setAtMs] = useState(span.endMs);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(4);
  const [view, setView] = useState<"code" | "diff">("code");
  const record = useMemo(() => foldTimeline(timeline.events, atMs), [timeline, atMs]);
  const duration = span.endMs - span.startMs;

  const seek = useCallback((ms: number) => setAtMs(Math.min(span.endMs, Math.max(span.startMs, ms))), [span]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setAtMs((current) => Math.min(span.endMs, current + TICK_MS * speed)), TICK_MS);
    return () => clearInterval(timer);
  }, [playing, speed, span.endMs]);
  useEffect(() => {
    if (playing && atMs >= span.endMs) setPlaying(false);
  }, [playing, atMs, span.endMs]);

  const togglePlay = useCallback(() => {
    if (!playing && atMs >= span.endMs) setAtMs(span.startMs); // play again from the start
    setPlaying(!playing);
  }, [playing, atMs, span]);

  // Space plays or pauses; arrows step 5 s; Shift+arrows jump to the previous or next marker. Keys
  // typed into a control (the slider, a select, a button) are that control's own.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && target.closest("input, select, textarea, button, a, [contenteditable=true]")) return;
      if (event.key === " ") {
        event.preventDefault();
        togglePlay();
      } else if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        event.preventDefault();
        const direction = event.key === "ArrowRight" ? 1 : -1;
        const jump = event.shiftKey ? nextMarkerAt(allMarkers, atMs, direction) : null;
        seek(jump ?? atMs + direction * STEP_MS);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [togglePlay, seek, allMarkers, atMs]);

  const title = record.interview.problem?.title ?? "Interview replay";
  const runs = record.interview.runs;
  const clips = audioUpTo(timeline.events, atMs);

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h1 className="truncate text-xl font-bold tracking-tight sm:text-2xl">{title}</h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            {source.kind === "share" ? <Badge variant="secondary">Read-only replay</Badge> : null}
            <span>
              Phase: <span data-testid="replay-phase">{record.interview.phase ? PHASE_NAMES[record.interview.phase] : "—"}</span>
            </span>
            <span>· Hints used: {record.interview.hints.used}</span>
          </p>
        </div>
        {source.kind === "session" ? <ShareButton sessionId={source.sessionId} /> : null}
      </div>

      <Card>
        <CardContent className="flex flex-col gap-3 pt-4">
          <Scrubber span={span} bands={bands} markers={allMarkers} atMs={atMs} onSeek={seek} />
          <div className="flex flex-wrap items-center gap-2">
            <Button size="sm" onClick={togglePlay} aria-pressed={playing} data-testid="replay-play">
              {playing ? <Pause aria-hidden /> : <Play aria-hidden />} {playing ? "Pause" : "Play"}
            </Button>
            <label className="flex items-center gap-2 text-sm">
              Speed
              <Select value={speed} onChange={(event) => setSpeed(Number(event.target.value))} className="h-9 w-24" aria-label="Playback speed">
                {SPEEDS.map((value) => (
                  <option key={value} value={value}>
                    {value}×
                  </option>
                ))}
              </Select>
            </label>
            <span className="text-sm tabular-nums" data-testid="replay-clock">
              {formatClock(atMs - span.startMs)} / {formatClock(duration)}
            </span>
            <span className="ml-auto hidden text-xs text-muted-foreground sm:inline">Space: play/pause · ←/→: 5 s · Shift+←/→: previous/next moment</span>
          </div>
        </CardContent>
      </Card>

      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)]">
        <Card className="min-w-0">
          <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2 space-y-0">
            <CardTitle>Code at this moment</CardTitle>
            <div role="group" aria-label="Code view" className="flex gap-1">
              <Button size="sm" variant={view === "code" ? "default" : "outline"} aria-pressed={view === "code"} onClick={() => setView("code")}>
                Code
              </Button>
              <Button size="sm" variant={view === "diff" ? "default" : "outline"} aria-pressed={view === "diff"} onClick={() => setView("diff")}>
                Changes
              </Button>
            </div>
          </CardHeader>
          <CardContent>
            {record.code === null ? (
              <p className="text-sm text-muted-foreground">No code yet at this moment.</p>
            ) : view === "code" ? (
              <CodeBlock code={record.code} />
            ) : (
              <DiffBlock before={record.previousCode} after={record.code} />
            )}
          </CardContent>
        </Card>

        <div className="flex min-w-0 flex-col gap-4">
          <Card>
            <CardHeader>
              <CardTitle>Conversation</CardTitle>
            </CardHeader>
            <CardContent>
              <ol className="flex max-h-96 flex-col gap-2 overflow-y-auto" tabIndex={0} aria-label="Conversation up to this moment" data-testid="replay-chat">
                {record.interview.chat.length === 0 ? <li className="text-sm text-muted-foreground">Nothing said yet.</li> : null}
                {record.interview.chat.map((message) => (
                  <li key={message.id} className={cn("rounded-md px-3 py-2 text-sm", message.role === "candidate" ? "ml-6 bg-primary/10" : "mr-6 bg-muted")}>
                    <span className="block text-xs font-semibold text-muted-foreground">
                      {message.role === "candidate" ? (message.viaVoice ? "You (spoken)" : "You") : "Interviewer"}
                    </span>
                    {message.text}
                  </li>
                ))}
              </ol>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Runs and verdicts</CardTitle>
            </CardHeader>
            <CardContent>
              {runs.length === 0 ? (
                <p className="text-sm text-muted-foreground">No runs yet at this moment.</p>
              ) : (
                <ol className="flex flex-col gap-1 text-sm" data-testid="replay-runs">
                  {runs.map((run, index) => (
                    <li key={run.submissionId} className="flex items-center justify-between gap-2">
                      <span>
                        {index + 1}. {run.mode === "submit" ? "Submit" : "Run"}
                      </span>
                      <span className="flex items-center gap-2">
                        <span className="text-muted-foreground">
                          {run.result.passed}/{run.result.total}
                        </span>
                        <Badge variant={run.result.verdict === "accepted" ? "success" : "destructive"}>{VERDICT_NAMES[run.result.verdict]}</Badge>
                      </span>
                    </li>
                  ))}
                </ol>
              )}
              {record.interview.feedback.result ? (
                <p className="mt-3 border-t pt-3 text-sm">
                  <span className="font-semibold">Feedback: </span>
                  {record.interview.feedback.result.summary}
                </p>
              ) : null}
            </CardContent>
          </Card>
          <AudioClips clips={clips} />
        </div>
      </div>
    </>
  );
}

function CodeBlock({ code }: { code: string }) {
  const lines = code.split("\n");
  return (
    <pre className="relative max-h-[32rem] overflow-auto rounded-md border bg-muted/50 p-3 text-xs leading-5" tabIndex={0} aria-label="Code" data-testid="replay-code">
      {lines.map((line, index) => (
        <div key={index} className="flex">
          <span className="w-8 shrink-0 select-none pr-3 text-right text-muted-foreground" aria-hidden>
            {index + 1}
          </span>
          <code>{line || " "}</code>
        </div>
      ))}
    </pre>
  );
}

function DiffBlock({ before, after }: { before: string | null; after: string }) {
  const lines = diffLines(before, after);
  return (
    <pre className="relative max-h-[32rem] overflow-auto rounded-md border bg-muted/50 p-3 text-xs leading-5" tabIndex={0} aria-label="Changes since the previous snapshot" data-testid="replay-diff">
      {before === null ? <div className="mb-1 text-muted-foreground">First snapshot: every line is new.</div> : null}
      {lines.map((line, index) => (
        <div key={index} className={cn("flex", line.kind === "added" && "bg-success/15", line.kind === "removed" && "bg-destructive/15")}>
          <span className="w-5 shrink-0 select-none" aria-hidden>
            {line.kind === "added" ? "+" : line.kind === "removed" ? "−" : " "}
          </span>
          <span className="sr-only">{line.kind === "added" ? "added: " : line.kind === "removed" ? "removed: " : ""}</span>
          <code className={cn(line.kind === "removed" && "line-through decoration-destructive/60")}>{line.text || " "}</code>
        </div>
      ))}
    </pre>
  );
}

/** The spoken sentences up to this moment (the interviewer's, and the candidate's own where they opted in to
 * keeping their voice), played only when asked (never on their own). */
function AudioClips({ clips }: { clips: AudioClip[] }) {
  const audio = useRef<HTMLAudioElement | null>(null);
  const [playingUrl, setPlayingUrl] = useState<string | null>(null);
  useEffect(() => () => audio.current?.pause(), []);
  if (clips.length === 0) return null;
  const play = (url: string) => {
    audio.current?.pause();
    const element = new Audio(url);
    element.onended = () => setPlayingUrl(null);
    audio.current = element;
    setPlayingUrl(url);
    element.play().catch(() => setPlayingUrl(null));
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{clips.some((clip) => clip.who === "candidate") ? "Audio" : "Interviewer audio"}</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col gap-1" data-testid="replay-audio">
          {clips.slice(-5).map((clip) => (
            <li key={clip.url} className="flex items-center gap-2 text-sm">
              <Button
                size="icon"
                variant="outline"
                onClick={() => play(clip.url)}
                aria-label={`${clip.who === "candidate" ? "Play your voice" : "Play"}: ${clip.text}`}
                aria-pressed={playingUrl === clip.url}
              >
                <Volume2 aria-hidden />
              </Button>
              <span className="min-w-0 truncate">
                {clip.who === "candidate" ? <span className="font-medium">You: </span> : null}
                {clip.text}
              </span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function ShareButton({ sessionId }: { sessionId: string }) {
  const [link, setLink] = useState<ShareLink | null>(null);
  const [state, setState] = useState<"idle" | "busy" | "failed" | "copied">("idle");
  const make = async () => {
    const local = findSession(sessionId);
    if (!local) return;
    setState("busy");
    try {
      const made = await shareSession(sessionId, local.token);
      setLink(made);
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  const absolute = link ? new URL(link.url, window.location.origin).toString() : "";
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(absolute);
      setState("copied");
    } catch {
      /* the link is on screen to copy by hand */
    }
  };
  return (
    <div className="flex max-w-full flex-col items-end gap-1">
      {link ? (
        <div className="flex max-w-full items-center gap-2">
          <a href={absolute} className="min-w-0 truncate text-xs text-primary underline" data-testid="share-link">
            {absolute}
          </a>
          <Button size="sm" variant="outline" onClick={copy}>
            <Copy aria-hidden /> {state === "copied" ? "Copied" : "Copy"}
          </Button>
        </div>
      ) : (
        <Button size="sm" variant="outline" onClick={make} disabled={state === "busy"} data-testid="share-replay">
          <Share2 aria-hidden /> Share read-only link
        </Button>
      )}
      <span role="status" className="text-xs text-muted-foreground">
        {link ? `Anyone with this link can watch the replay until ${new Date(link.expires_at).toLocaleString()}.` : state === "failed" ? "Could not make a link; try again." : ""}
      </span>
    </div>
  );
}
