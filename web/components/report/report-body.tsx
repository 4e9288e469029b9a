import { CheckCircle2, XCircle } from "lucide-react";
import { Scorecard } from "@/components/scorecard";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DIFFICULTY_NAMES, LANGUAGE_NAMES, PHASE_NAMES, VERDICT_NAMES } from "@/lib/display-names";
import type { LocalSession } from "@/lib/local-sessions";
import type { CodeVersion, InterviewReport, PhaseTime, ReportTest, SpeakingAnalytics, TestRun, TranscriptEntry } from "@/lib/types";
import { cn } from "@/lib/class-names";
import { formatDuration, humanise, isSpokenLine, plural } from "@/lib/wording";
import { formatOffset, MOMENT_NAMES } from "@/lib/speaking";

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

/** Every part of the final report the gateway returns, in the order a candidate reads it. */
export function ReportBody({ report, local }: { report: InterviewReport; local: LocalSession }) {
  const transcript = report.transcript.filter(isSpokenLine);
  return (
    <div className="flex flex-col gap-6" data-testid="report">
      <Card>
        <CardHeader>
          <CardTitle>{report.question?.title ?? local.questionTitle ?? "Coding interview"}</CardTitle>
          <CardDescription className="flex flex-wrap items-center gap-2">
            {report.question ? <Badge variant="secondary">{DIFFICULTY_NAMES[report.question.difficulty]}</Badge> : null}
            <Badge variant="outline">{LANGUAGE_NAMES[report.language]}</Badge>
            <span>{new Date(report.started_at).toLocaleString()}</span>
          </CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-4" data-testid="report-figures">
            <Figure label="Duration" value={formatDuration(report.duration_s)} />
            <Figure label="Hints used" value={`${report.hints_used} of ${report.hints_available}`} />
            <Figure
              label="Final code"
              value={report.test_results ? `${report.test_results.passed} of ${plural(report.test_results.total, "test")} passed` : "Not run"}
            />
            <Figure label="Runs and submissions" value={String(report.code_history.length)} />
            {report.question ? <Figure label="Expected complexity" value={`${report.question.expected_time} time, ${report.question.expected_space} space`} wide /> : null}
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Scorecard</CardTitle>
        </CardHeader>
        <CardContent>
          <Scorecard feedback={report.scorecard} />
        </CardContent>
      </Card>

      {report.test_results ? <TestResults run={report.test_results} /> : null}
      {report.phases.length > 0 ? <PhaseTimes phases={report.phases} total={report.duration_s} /> : null}
      <FinalCode report={report} />
      {report.code_history.length > 0 ? <CodeHistory versions={report.code_history} /> : null}
      <Speaking analytics={report.speaking ?? report.scorecard.speaking ?? null} transcript={transcript} />
      {transcript.length > 0 ? <Transcript entries={transcript} /> : null}
    </div>
  );
}

function Figure({ label, value, wide = false }: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={cn("flex flex-col gap-0.5", wide && "col-span-2")}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-medium break-words">{value}</dd>
    </div>
  );
}

/** Tests grouped by category (sample tests first), each group with how many pass. */
function TestResults({ run }: { run: TestRun }) {
  const groups = new Map<string, ReportTest[]>();
  for (const test of run.tests) {
    const name = test.hidden ? humanise(test.category ?? "other hidden tests") : "Sample tests";
    groups.set(name, [...(groups.get(name) ?? []), test]);
  }
  return (
    <Card data-testid="report-tests">
      <CardHeader>
        <CardTitle>Test results by category</CardTitle>
        <CardDescription>
          Your final code against every test: {run.passed} of {plural(run.total, "test")} passed ({VERDICT_NAMES[run.verdict]}).
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col gap-3">
          {[...groups.entries()].map(([name, tests]) => {
            const passed = tests.filter((test) => test.verdict === "accepted").length;
            const failures = tests.filter((test) => test.verdict !== "accepted");
            return (
              <li key={name} className="flex flex-col gap-1 rounded-md border p-3 text-sm" data-testid="report-test-category">
                <div className="flex items-center justify-between gap-3">
                  <span className="flex items-center gap-1.5 font-medium">
                    {failures.length === 0 ? <CheckCircle2 className="size-4 text-success" aria-hidden /> : <XCircle className="size-4 text-destructive" aria-hidden />}
                    {name}
                  </span>
                  <span className="tabular-nums">
                    {passed} of {plural(tests.length, "test")} passed
                  </span>
                </div>
                {failures.length > 0 ? (
                  <p className="text-xs text-muted-foreground">
                    {[...new Set(failures.map((test) => VERDICT_NAMES[test.verdict]))].join(", ")}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}

function PhaseTimes({ phases, total }: { phases: PhaseTime[]; total: number }) {
  const longest = Math.max(total, ...phases.map((phase) => phase.seconds), 1);
  return (
    <Card data-testid="report-phases">
      <CardHeader>
        <CardTitle>Time per phase</CardTitle>
      </CardHeader>
      <CardContent>
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="py-1 font-medium">Phase</th>
              <th scope="col" className="py-1 font-medium">Started</th>
              <th scope="col" className="py-1 text-right font-medium">Time</th>
            </tr>
          </thead>
          <tbody>
            {phases.map((phase) => (
              <tr key={`${phase.phase}-${phase.started_at}`} className="border-t">
                <td className="py-1.5">
                  <span className="block">{PHASE_NAMES[phase.phase] ?? humanise(phase.phase)}</span>
                  <span className="mt-1 block h-1.5 rounded-full bg-primary/70" style={{ width: `${Math.max(2, (phase.seconds / longest) * 100)}%` }} aria-hidden />
                </td>
                <td className="py-1.5 tabular-nums text-muted-foreground">{timeFormat.format(new Date(phase.started_at))}</td>
                <td className="py-1.5 text-right tabular-nums">{formatDuration(phase.seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}

function FinalCode({ report }: { report: InterviewReport }) {
  return (
    <Card data-testid="report-final-code">
      <CardHeader>
        <CardTitle>Final code</CardTitle>
      </CardHeader>
      <CardContent>
        {report.final_code.trim() ? (
          <pre tabIndex={0} aria-label="Final code" className="max-h-[28rem] overflow-auto rounded-md border bg-muted/50 p-3 font-mono text-xs leading-relaxed">
            <code>{report.final_code}</code>
          </pre>
        ) : (
          <p className="text-sm text-muted-foreground">No code was written in this interview.</p>
        )}
      </CardContent>
    </Card>
  );
}

function CodeHistory({ versions }: { versions: CodeVersion[] }) {
  return (
    <Card data-testid="report-code-history">
      <CardHeader>
        <CardTitle>Code history</CardTitle>
        <CardDescription>Every run and submission, oldest first. Open one to see the code as it was.</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="flex flex-col gap-2">
          {versions.map((version, index) => (
            <li key={version.submission_id} className="rounded-md border text-sm">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                  <span className="font-medium">
                    {index + 1}. {version.mode === "submit" ? "Submission" : "Sample run"}
                  </span>
                  <span className="tabular-nums text-muted-foreground">{timeFormat.format(new Date(version.at))}</span>
                  <Badge variant="outline">{LANGUAGE_NAMES[version.language]}</Badge>
                  <span className="ml-auto tabular-nums">
                    {version.verdict ? VERDICT_NAMES[version.verdict] : "No result"}
                    {version.total !== null && version.passed !== null ? ` · ${version.passed}/${version.total}` : ""}
                  </span>
                </summary>
                <pre tabIndex={0} aria-label={`Code of run ${index + 1}`} className="max-h-80 overflow-auto border-t bg-muted/50 p-3 font-mono text-xs">
                  <code>{version.code}</code>
                </pre>
              </details>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}

/** How the candidate spoke: the server's measurements with their moments, else what the transcript shows. */
function Speaking({ analytics, transcript }: { analytics: SpeakingAnalytics | null; transcript: TranscriptEntry[] }) {
  const candidate = transcript.filter((entry) => entry.role === "candidate");
  const spoken = candidate.filter((entry) => entry.spoken);
  if (!analytics && spoken.length === 0) return null;
  const words = spoken.reduce((sum, entry) => sum + entry.text.split(/\s+/).filter(Boolean).length, 0);
  const fillers = Object.entries(analytics?.filler_counts ?? {}).filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);
  return (
    <Card data-testid="report-speaking">
      <CardHeader>
        <CardTitle>Speaking</CardTitle>
        {analytics ? <CardDescription>Measured from the timings of your spoken answers.</CardDescription> : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-4" data-testid="speaking-figures">
          {analytics ? (
            <>
              <Figure label="Words per minute" value={String(Math.round(analytics.words_per_minute))} />
              <Figure label="Filler words per minute" value={String(Math.round(analytics.fillers_per_minute * 10) / 10)} />
              <Figure label="Longest pause" value={`${Math.round(analytics.longest_pause_s * 10) / 10} s`} />
              <Figure label="Your share of the talking" value={`${Math.round(analytics.candidate_talk_share * 100)}%`} />
            </>
          ) : (
            <>
              <Figure label="Spoken answers" value={`${spoken.length} of ${candidate.length}`} />
              <Figure label="Words spoken" value={String(words)} />
            </>
          )}
        </dl>
        {fillers.length > 0 ? (
          <p className="text-sm" data-testid="filler-counts">
            <span className="text-muted-foreground">Filler words: </span>
            {fillers.map(([word, count]) => `“${word}” ${count}×`).join(", ")}
          </p>
        ) : null}
        {analytics && analytics.moments.length > 0 ? (
          <section aria-labelledby="speaking-moments">
            <h3 id="speaking-moments" className="mb-2 text-sm font-medium">
              Moments
            </h3>
            <ol className="flex flex-col gap-1.5 text-sm" data-testid="speaking-moments">
              {[...analytics.moments].sort((a, b) => a.at_ms - b.at_ms).map((moment, index) => (
                <li key={`${moment.at_ms}-${index}`} className="flex gap-3">
                  <time className="w-12 shrink-0 tabular-nums text-muted-foreground" aria-label={`At ${formatOffset(moment.at_ms)} into the interview`}>
                    {formatOffset(moment.at_ms)}
                  </time>
                  <Badge variant="outline" className="shrink-0">
                    {MOMENT_NAMES[moment.kind] ?? humanise(moment.kind)}
                  </Badge>
                  <span className="min-w-0 break-words">{moment.text}</span>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </CardContent>
    </Card>
  );
}

function Transcript({ entries }: { entries: TranscriptEntry[] }) {
  return (
    <Card data-testid="report-transcript">
      <CardHeader>
        <CardTitle>Transcript</CardTitle>
      </CardHeader>
      <CardContent>
        <ol className="flex flex-col gap-2 text-sm">
          {entries.map((entry, index) => (
            <li key={index} className="break-words">
              <span className="font-medium">{entry.role === "candidate" ? "You" : humanise(entry.role)}</span>
              <span className="text-xs text-muted-foreground"> ({timeFormat.format(new Date(entry.at))}{entry.spoken ? ", spoken" : ""})</span>
              <span>: {entry.text}</span>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
