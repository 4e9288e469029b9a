"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { ArrowLeft, Loader2, Plus } from "lucide-react";
import { Brand } from "@/components/brand";
import { Scorecard } from "@/components/scorecard";
import { ThemeToggle } from "@/components/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getReport } from "@/lib/api";
import { DIFFICULTY_NAMES, LANGUAGE_NAMES, VERDICT_NAMES } from "@/lib/display-names";
import { findSession, loadFeedback, type LocalSession } from "@/lib/local-sessions";
import type { FeedbackResult, SessionReport } from "@/lib/types";

type Loaded =
  | { status: "loading" }
  | { status: "missing" }
  | {
      status: "ready";
      local: LocalSession;
      report: SessionReport | null;
      reportError: string | null;
      feedback: FeedbackResult | null;
    };

export function ReportView({ sessionId }: { sessionId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });

  useEffect(() => {
    const local = findSession(sessionId);
    if (!local) {
      setLoaded({ status: "missing" });
      return;
    }
    const saved = loadFeedback(sessionId);
    getReport(sessionId, local.token).then(
      (report) => setLoaded({ status: "ready", local, report, reportError: null, feedback: report.feedback ?? saved }),
      (error: Error) => setLoaded({ status: "ready", local, report: null, reportError: error.message, feedback: saved }),
    );
  }, [sessionId]);

  return (
    <div className="min-h-full">
      <header className="mx-auto flex max-w-4xl items-center justify-between px-6 py-5">
        <Brand />
        <ThemeToggle />
      </header>
      <main className="mx-auto flex max-w-4xl flex-col gap-6 px-6 pb-16">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-3xl font-bold tracking-tight">Interview report</h1>
          <div className="flex gap-2">
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
          <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
            <Loader2 className="size-4 animate-spin" aria-hidden /> Loading the report…
          </p>
        ) : null}
        {loaded.status === "missing" ? (
          <p className="text-sm text-muted-foreground">
            This interview wasn&apos;t taken in this browser, so its report can&apos;t be opened here.
          </p>
        ) : null}
        {loaded.status === "ready" ? <ReportBody {...loaded} /> : null}
      </main>
    </div>
  );
}

function ReportBody({ local, report, reportError, feedback }: Extract<Loaded, { status: "ready" }>) {
  const title = report?.question?.title ?? local.questionTitle ?? "Coding interview";
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>{title}</CardTitle>
          <CardDescription className="flex flex-wrap items-center gap-2">
            <Badge variant="secondary">{DIFFICULTY_NAMES[local.difficulty]}</Badge>
            <Badge variant="outline">{LANGUAGE_NAMES[local.language]}</Badge>
            <span>{new Date(report?.session?.created_at ?? local.createdAt).toLocaleString()}</span>
            {report?.session?.status ? <Badge variant="outline">{report.session.status}</Badge> : null}
          </CardDescription>
        </CardHeader>
        {reportError ? (
          <CardContent>
            <p className="text-sm text-muted-foreground" data-testid="report-fallback">
              The full report isn&apos;t available from the gateway ({reportError}); showing what this browser kept.
            </p>
          </CardContent>
        ) : null}
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Scorecard</CardTitle>
        </CardHeader>
        <CardContent>
          {feedback ? (
            <Scorecard feedback={feedback} />
          ) : (
            <p className="text-sm text-muted-foreground">No feedback was produced for this interview.</p>
          )}
        </CardContent>
      </Card>

      {report?.submissions && report.submissions.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Submissions</CardTitle>
          </CardHeader>
          <CardContent>
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-muted-foreground">
                <tr>
                  <th className="py-1 font-medium">#</th>
                  <th className="py-1 font-medium">Mode</th>
                  <th className="py-1 font-medium">Verdict</th>
                  <th className="py-1 font-medium">Passed</th>
                </tr>
              </thead>
              <tbody>
                {report.submissions.map((submission, index) => (
                  <tr key={submission.submission_id ?? index} className="border-t">
                    <td className="py-1.5">{index + 1}</td>
                    <td className="py-1.5">{submission.mode === "submit" ? "Submit" : "Run"}</td>
                    <td className="py-1.5">{submission.verdict ? VERDICT_NAMES[submission.verdict] : "—"}</td>
                    <td className="py-1.5 tabular-nums">
                      {submission.passed ?? "—"}/{submission.total ?? "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
      ) : null}

      {report?.transcript && report.transcript.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Transcript</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="flex flex-col gap-2 text-sm">
              {report.transcript.map((line, index) => (
                <li key={index}>
                  <span className="font-medium capitalize">{line.role}: </span>
                  {line.text}
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}
