"use client";

import { useCallback, useEffect, useId, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Copy, KeyRound, Loader2, PlayCircle, Target } from "lucide-react";
import { BackHomePage } from "@/components/back-home-page";
import { ScoreChart } from "@/components/progress/score-chart";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { LoadingStatus } from "@/components/loading-status";
import { getProgress } from "@/lib/api";
import { adoptCandidateKey, candidateKey, candidateKeyLink, keyFromFragment } from "@/lib/candidate-key";
import { topicName } from "@/lib/display-names";
import { findSession, listSessions } from "@/lib/local-sessions";
import { formatDuration, mostFailedCategories, mostFailedTopics, scoreSeries, type Count } from "@/lib/progress";
import { interviewPath, startInterview } from "@/lib/start-interview";
import type { CandidateProgress } from "@/lib/timeline";
import type { Topic } from "@/lib/types";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

type Loaded = { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; progress: CandidateProgress };

/** `/progress`: this candidate's interviews over time, weak spots, and a way to practise them. */
export function ProgressView() {
  const router = useRouter();
  const [key, setKey] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);

  useEffect(() => {
    const carried = keyFromFragment(window.location.hash);
    if (carried) {
      adoptCandidateKey(carried);
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    setKey(candidateKey());
  }, []);

  useEffect(() => {
    if (!key) return;
    setLoaded({ status: "loading" });
    getProgress(key).then(
      (progress) => setLoaded({ status: "ready", progress }),
      (error: Error) => setLoaded({ status: "failed", message: error.message }),
    );
  }, [key]);

  const practise = useCallback(async () => {
    setStarting(true);
    setStartError(null);
    try {
      const language = listSessions()[0]?.language ?? "python";
      const sessionId = await startInterview({ difficulty: "medium", language, practise_weak_spots: true });
      router.push(interviewPath(sessionId));
    } catch (error) {
      setStartError(error instanceof Error ? error.message : "Could not start the interview.");
      setStarting(false);
    }
  }, [router]);

  return (
    <BackHomePage width="max-w-6xl" gap="gap-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Your progress</h1>
      {loaded.status === "loading" ? (
        <LoadingStatus>Loading your interviews…</LoadingStatus>
      ) : loaded.status === "failed" ? (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          Could not load your progress: {loaded.message}
        </p>
      ) : (
        <ProgressBody progress={loaded.progress} onPractise={practise} starting={starting} startError={startError} />
      )}
      {key ? <CandidateKeyCard candidateKey={key} onUse={setKey} /> : null}
    </BackHomePage>
  );
}

function ProgressBody({ progress, onPractise, starting, startError }: { progress: CandidateProgress; onPractise: () => void; starting: boolean; startError: string | null }) {
  const { interviews } = progress;
  if (interviews.length === 0) {
    return (
      <Card>
        <CardContent className="p-6 text-sm text-muted-foreground">
          No finished interviews yet. Finish one and its scores, topics and times appear here.{" "}
          <Link href="/" className="font-medium text-primary underline">
            Start an interview
          </Link>
        </CardContent>
      </Card>
    );
  }
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)]">
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <Target className="size-5 text-primary" aria-hidden /> Weak spots
          </CardTitle>
          <CardDescription>{progress.rule}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap items-center justify-between gap-4">
          <p className="text-sm">
            Weakest topic:{" "}
            <strong data-testid="weakest-topic">{progress.weakest_topic ? topicName(progress.weakest_topic) : "none yet"}</strong>
          </p>
          <Button onClick={onPractise} disabled={starting} data-testid="practise-weak-spots">
            {starting ? <Loader2 className="animate-spin" aria-hidden /> : <PlayCircle aria-hidden />}
            Practise my weak spots
          </Button>
          {startError ? (
            <p role="alert" className="w-full text-sm text-destructive">
              {startError}
            </p>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Scores over time</CardTitle>
          <CardDescription>Each dimension of the final scorecard, 1 (weak) to 4 (strong), one point per interview.</CardDescription>
        </CardHeader>
        <CardContent>
          <ScoreChart series={scoreSeries(interviews)} interviews={interviews} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Most often failed</CardTitle>
          <CardDescription>Topics of unsolved interviews, and hidden-test categories your code failed.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
          <CountList title="Topics" counts={mostFailedTopics(interviews)} name={(topic) => topicName(topic as Topic)} testId="failed-topics" />
          <CountList title="Test categories" counts={mostFailedCategories(interviews)} name={(category) => category.replaceAll("_", " ")} testId="failed-categories" />
        </CardContent>
      </Card>

      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>Interviews</CardTitle>
        </CardHeader>
        <CardContent>
          {/* relative: the screen-reader-only labels inside are clipped with the table, not laid out past the page */}
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Interviews table">
            <table className="w-full min-w-[36rem] text-left text-sm" data-testid="progress-table">
              <thead className="text-xs text-muted-foreground">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">Date</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Problem</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Result</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Hints used</th>
                  <th scope="col" className="py-2 pr-3 font-medium">First accepted run</th>
                  <th scope="col" className="py-2 font-medium"><span className="sr-only">Replay</span></th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {[...interviews].reverse().map((interview) => (
                  <tr key={interview.session_id}>
                    <td className="py-2 pr-3 whitespace-nowrap">{dateFormat.format(new Date(interview.started_at))}</td>
                    <td className="py-2 pr-3">
                      <span className="font-medium">{interview.title ?? "Coding interview"}</span>
                      <span className="mt-0.5 flex flex-wrap gap-1">
                        {interview.topics.map((topic) => (
                          <Badge key={topic} variant="outline">{topicName(topic)}</Badge>
                        ))}
                      </span>
                    </td>
                    <td className="py-2 pr-3">{interview.solved ? <Badge variant="success">Solved</Badge> : <Badge variant="warning">Not solved</Badge>}</td>
                    <td className="py-2 pr-3">{interview.hints_used}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{formatDuration(interview.time_to_first_accept_s)}</td>
                    <td className="py-2">
                      {findSession(interview.session_id) ? (
                        <Link className="text-primary underline" href={`/replay/?session=${encodeURIComponent(interview.session_id)}`}>
                          Replay<span className="sr-only"> of {interview.title ?? "this interview"}</span>
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </CardContent>
      </Card>
    </div>
  );
}

function CountList({ title, counts, name, testId }: { title: string; counts: Count[]; name: (value: string) => string; testId: string }) {
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      {counts.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing failed yet.</p>
      ) : (
        <ol className="flex flex-col gap-1 text-sm" data-testid={testId}>
          {counts.slice(0, 5).map((count) => (
            <li key={count.name} className="flex items-center justify-between gap-2">
              <span>{name(count.name)}</span>
              <span className="text-muted-foreground">{count.count}×</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function CandidateKeyCard({ candidateKey: key, onUse }: { candidateKey: string; onUse: (key: string) => void }) {
  const ids = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const [other, setOther] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const copy = async (what: "key" | "link") => {
    const text = what === "key" ? key : candidateKeyLink(key, window.location.origin);
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what === "key" ? "Key copied." : "Link copied.");
    } catch {
      setCopied("Copying is blocked here: select the key and copy it by hand.");
    }
  };

  const use = (event: React.FormEvent) => {
    event.preventDefault();
    if (!adoptCandidateKey(other)) {
      setProblem("That is not a candidate key: 16 or more letters, digits, - or _.");
      return;
    }
    setProblem(null);
    setOther("");
    onUse(other.trim());
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <KeyRound className="size-5 text-primary" aria-hidden /> Your candidate key
        </CardTitle>
        <CardDescription>
          No account needed: this key, kept in this browser, ties your interviews together. Carry it to another browser to see the
          same progress there. Anyone with the key can read your progress, so share it only with yourself.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center gap-2">
          <code className="min-w-0 break-all rounded-md border bg-muted px-2 py-1 text-xs" data-testid="candidate-key">
            {key}
          </code>
          <Button variant="outline" size="sm" onClick={() => copy("key")}>
            <Copy aria-hidden /> Copy key
          </Button>
          <Button variant="outline" size="sm" onClick={() => copy("link")}>
            <Copy aria-hidden /> Copy link
          </Button>
          <span role="status" className="text-xs text-muted-foreground">
            {copied}
          </span>
        </div>
        <form onSubmit={use} className="flex flex-wrap items-end gap-2">
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <Label htmlFor={`${ids}-other`}>Use a key from another browser</Label>
            <Input id={`${ids}-other`} value={other} onChange={(event) => setOther(event.target.value)} autoComplete="off" spellCheck={false} />
          </div>
          <Button type="submit" variant="secondary">
            Use this key
          </Button>
          {problem ? (
            <p role="alert" className="w-full text-sm text-destructive">
              {problem}
            </p>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
