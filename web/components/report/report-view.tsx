"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { ArrowLeft, Download, History, Loader2, Plus } from "lucide-react";
import { Brand } from "@/components/brand";
import { ReportBody } from "@/components/report/report-body";
import { Scorecard } from "@/components/scorecard";
import { ThemeToggle } from "@/components/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LoadingStatus } from "@/components/loading-status";
import { downloadReportMarkdown, getReport } from "@/lib/api";
import { DIFFICULTY_NAMES, LANGUAGE_NAMES } from "@/lib/display-names";
import { findSession, loadFeedback, updateSession, type LocalSession } from "@/lib/local-sessions";
import type { InterviewReport } from "@/lib/types";

/** How often the page asks again while the report is being prepared. */
const POLL_MS = 2_000;
/** After this long without a report the page says so (and keeps asking, more slowly). */
const SLOW_AFTER_MS = 90_000;

type Loaded =
  | { status: "loading" }
  | { status: "missing" }
  | { status: "waiting"; local: LocalSession; reason: "preparing" | "in_progress"; slow: boolean; offline: boolean }
  | { status: "ready"; local: LocalSession; report: InterviewReport }
  | { status: "not_found"; local: LocalSession; message: string };

/**
 * `/report/?id=…`: waits for the final report (202 "preparing" → asks again every few seconds) and
 * shows all of it once it exists, without a reload.
 */
export function ReportView({ sessionId }: { sessionId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });

  useEffect(() => {
    const local = findSession(sessionId);
    if (!local) {
      setLoaded({ status: "missing" });
      return;
    }
    const startedWaiting = Date.now();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let cancelled = false;
    const again = () => {
      const slow = Date.now() - startedWaiting > SLOW_AFTER_MS;
      timer = setTimeout(poll, slow ? POLL_MS * 3 : POLL_MS);
      return slow;
    };
    const poll = async () => {
      try {
        const answer = await getReport(sessionId, local.token);
        if (cancelled) return;
        if (answer.status === "ready") {
          updateSession(sessionId, { finished: true, outcome: outcomeOf(answer.report) });
          setLoaded({ status: "ready", local, report: answer.report });
        } else if (answer.status === "not_found") {
          setLoaded({ status: "not_found", local, message: answer.message });
        } else {
          const slow = again();
          setLoaded({ status: "waiting", local, reason: answer.status, slow, offline: false });
        }
      } catch {
        if (cancelled) return;
        const slow = again();
        setLoaded({ status: "waiting", local, reason: "preparing", slow, offline: true });
      }
    };
    void poll();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [sessionId]);

  return (
    <div className="min-h-full">
      <header className="mx-auto flex max-w-4xl items-center justify-between px-4 py-5 sm:px-6">
        <Brand />
        <ThemeToggle />
      </header>
      <main className="mx-auto flex max-w-4xl flex-col gap-6 px-4 pb-16 sm:px-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-3xl font-bold tracking-tight">Interview report</h1>
          <div className="flex flex-wrap gap-2">
            {loaded.status === "ready" ? <DownloadButton sessionId={sessionId} token={loaded.local.token} /> : null}
            {loaded.status === "ready" ? (
              <Button asChild variant="outline">
                <Link href={`/replay/?session=${encodeURIComponent(sessionId)}`}>
                  <History aria-hidden /> Replay
                </Link>
              </Button>
            ) : null}
            <Button asChild variant="outline">
              <Link href="/">
                <ArrowLeft aria-hidden /> All sessions
              </Link>
            </Button>
            <Button asChild>
              <Link href="/">
                <Plus aria-hidden /> New interview
              </Link>
            </Button>
          </div>
        </div>
        {loaded.status === "loading" ? (
          <LoadingStatus>Loading the report…</LoadingStatus>
        ) : null}
        {loaded.status === "missing" ? (
          <p className="text-sm text-muted-foreground">
            This interview wasn&apos;t taken in this browser, so its report can&apos;t be opened here.
          </p>
        ) : null}
        {loaded.status === "waiting" ? <Waiting {...loaded} /> : null}
        {loaded.status === "not_found" ? <NotFound {...loaded} /> : null}
        {loaded.status === "ready" ? <ReportBody report={loaded.report} local={loaded.local} /> : null}
      </main>
    </div>
  );
}

/** What the past-sessions list shows for a finished interview. */
function outcomeOf(report: InterviewReport): string {
  const run = report.test_results;
  if (!run) return "Not solved";
  return run.verdict === "accepted" ? `Solved · ${run.passed}/${run.total} tests` : `${run.passed}/${run.total} tests pass`;
}

function DownloadButton({ sessionId, token }: { sessionId: string; token: string }) {
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const download = async () => {
    setState("busy");
    try {
      await downloadReportMarkdown(sessionId, token);
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  return (
    <>
      <Button variant="outline" onClick={download} disabled={state === "busy"} data-testid="download-markdown">
        <Download aria-hidden /> Download Markdown
      </Button>
      {state === "failed" ? (
        <p role="alert" className="basis-full text-sm text-destructive">
          The Markdown report could not be downloaded. Try again in a moment.
        </p>
      ) : null}
    </>
  );
}

function SessionHeading({ local }: { local: LocalSession }) {
  return (
    <CardHeader>
      <CardTitle>{local.questionTitle ?? "Coding interview"}</CardTitle>
      <CardDescription className="flex flex-wrap items-center gap-2">
        <Badge variant="secondary">{DIFFICULTY_NAMES[local.difficulty]}</Badge>
        <Badge variant="outline">{LANGUAGE_NAMES[local.language]}</Badge>
        <span>{new Date(local.createdAt).toLocaleString()}</span>
      </CardDescription>
    </CardHeader>
  );
}

function Waiting({ local, reason, slow, offline }: Extract<Loaded, { status: "waiting" }>) {
  return (
    <Card>
      <SessionHeading local={local} />
      <CardContent className="flex flex-col gap-2">
        <p role="status" className="flex items-center gap-2 text-sm" data-testid="report-preparing">
          <Loader2 className="size-4 animate-spin" aria-hidden />
          {reason === "in_progress" ? "Wrapping up your interview…" : "Preparing your report…"}
        </p>
        <p className="text-sm text-muted-foreground">
          {offline
            ? "The server can't be reached right now; this page keeps trying and shows the report as soon as it can."
            : "Your interviewer is scoring the interview and running your final code against every test. This page updates by itself; there is no need to reload."}
        </p>
        {slow ? <p className="text-sm text-muted-foreground">This is taking longer than usual. You can leave and open the report later from your past sessions.</p> : null}
        <LatestScorecard sessionId={local.sessionId} />
      </CardContent>
    </Card>
  );
}

/** While the final report is prepared, the last scorecard the candidate asked for during the interview. */
function LatestScorecard({ sessionId }: { sessionId: string }) {
  const [saved] = useState(() => loadFeedback(sessionId));
  if (!saved) return null;
  return (
    <section className="mt-4 flex flex-col gap-3 border-t pt-4" aria-labelledby="latest-scorecard-title">
      <h2 id="latest-scorecard-title" className="text-base font-semibold">
        Your latest scorecard from the interview
      </h2>
      <Scorecard feedback={saved} />
    </section>
  );
}

/** The gateway has no such interview: show what this browser kept, if anything. */
function NotFound({ local, message }: Extract<Loaded, { status: "not_found" }>) {
  const saved = loadFeedback(local.sessionId);
  return (
    <Card>
      <SessionHeading local={local} />
      <CardContent className="flex flex-col gap-4">
        <p className="text-sm text-muted-foreground" data-testid="report-fallback">
          The server has no report for this interview ({message}).
          {saved ? " Here is the last scorecard this browser kept." : ""}
        </p>
        {saved ? <Scorecard feedback={saved} /> : null}
      </CardContent>
    </Card>
  );
}
