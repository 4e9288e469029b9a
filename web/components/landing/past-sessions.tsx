"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { FileText, History, Play, Trash2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DIFFICULTY_NAMES, LANGUAGE_NAMES } from "@/lib/display-names";
import { forgetSession, listSessions, type LocalSession } from "@/lib/local-sessions";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function PastSessions() {
  const [sessions, setSessions] = useState<LocalSession[] | null>(null);
  useEffect(() => setSessions(listSessions()), []);

  function forget(sessionId: string) {
    forgetSession(sessionId);
    setSessions(listSessions());
  }

  return (
    <Card className="w-full">
      <CardHeader>
        <CardTitle>Your past sessions</CardTitle>
        <CardDescription>Kept in this browser only.</CardDescription>
      </CardHeader>
      <CardContent>
        {sessions === null ? null : sessions.length === 0 ? (
          <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
            No interviews yet. Your sessions will appear here.
          </p>
        ) : (
          <ul className="flex flex-col divide-y" aria-label="Past sessions">
            {sessions.map((session) => (
              <li key={session.sessionId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium">{session.questionTitle ?? "Coding interview"}</p>
                  <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
                    <Badge variant="secondary">{DIFFICULTY_NAMES[session.difficulty]}</Badge>
                    <Badge variant="outline">{LANGUAGE_NAMES[session.language]}</Badge>
                    <span>{dateFormat.format(new Date(session.createdAt))}</span>
                  </p>
                  {session.finished ? (
                    <p className="mt-1 text-xs" data-testid="session-outcome">
                      {session.outcome ? `Finished · ${session.outcome}` : "Finished"}
                    </p>
                  ) : null}
                </div>
                <div className="flex items-center gap-1">
                  {session.finished ? (
                    <>
                      <Button asChild variant="outline" size="sm">
                        <Link href={`/report/?id=${encodeURIComponent(session.sessionId)}`}>
                          <FileText aria-hidden /> View report
                        </Link>
                      </Button>
                      <Button asChild variant="ghost" size="sm">
                        <Link href={`/replay/?session=${encodeURIComponent(session.sessionId)}`}>
                          <History aria-hidden /> Replay
                        </Link>
                      </Button>
                    </>
                  ) : (
                    <Button asChild variant="outline" size="sm">
                      <Link href={`/interview/?id=${encodeURIComponent(session.sessionId)}`}>
                        <Play aria-hidden /> Resume
                      </Link>
                    </Button>
                  )}
                  <Button
                    variant="ghost"
                    size="icon"
                    onClick={() => forget(session.sessionId)}
                    aria-label={`Forget session from ${dateFormat.format(new Date(session.createdAt))}`}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
