import { CheckCircle2, Clock, Cpu, Loader2, XCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { formatValue } from "@/components/interview/problem-panel";
import { VERDICT_NAMES } from "@/lib/display-names";
import type { RunRecord } from "@/lib/interview-state";
import type { PublicTest, RunMode, TestResult } from "@/lib/types";
import { cn } from "@/lib/class-names";

interface ResultsPanelProps {
  run: RunRecord | null;
  pending: RunMode | null;
  sampleTests: PublicTest[];
}

function formatMemory(kb: number): string {
  return kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb} KB`;
}

export function ResultsPanel({ run, pending, sampleTests }: ResultsPanelProps) {
  return (
    <section className="flex h-full min-h-0 flex-col" aria-labelledby="results-title">
      <header className="flex items-center justify-between gap-2 border-b px-4 py-2">
        <h2 id="results-title" className="text-sm font-semibold">
          Test results
        </h2>
        {run ? <RunSummary run={run} /> : null}
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto p-3" tabIndex={0} role="region" aria-label="Test results list" aria-live="polite" aria-busy={pending !== null}>
        {pending ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
            <Loader2 className="size-4 animate-spin" aria-hidden />
            {pending === "run" ? "Running sample tests…" : "Submitting to the interviewer…"}
          </p>
        ) : null}
        {!pending && !run ? (
          <p className="text-sm text-muted-foreground">Run your code to see per-test verdicts, time and memory.</p>
        ) : null}
        {run && !pending ? <RunDetails run={run} sampleTests={sampleTests} /> : null}
      </div>
    </section>
  );
}

function RunSummary({ run }: { run: RunRecord }) {
  const accepted = run.result.verdict === "accepted";
  return (
    <div className="flex items-center gap-2 text-xs" data-testid="run-summary">
      <Badge variant="outline">{run.mode === "run" ? "Sample run" : "Submission"}</Badge>
      <Badge variant={accepted ? "success" : "destructive"}>{VERDICT_NAMES[run.result.verdict]}</Badge>
      <span className="tabular-nums text-muted-foreground">
        {run.result.passed}/{run.result.total} passed
      </span>
    </div>
  );
}

function RunDetails({ run, sampleTests }: { run: RunRecord; sampleTests: PublicTest[] }) {
  const { result } = run;
  return (
    <div className="flex flex-col gap-2">
      {result.compile_output ? (
        <pre className="max-h-48 overflow-auto rounded-md border border-destructive/40 bg-destructive/10 p-3 text-xs text-destructive">
          {result.compile_output}
        </pre>
      ) : null}
      {result.message && result.verdict !== "accepted" ? <p className="text-sm text-muted-foreground">{result.message}</p> : null}
      <ul className="flex flex-col gap-2" aria-label="Per-test results">
        {result.tests.map((test, position) => (
          <TestRow key={test.test_id} test={test} position={position} sample={sampleTests.find((sample) => sample.id === test.test_id)} />
        ))}
      </ul>
    </div>
  );
}

function TestRow({ test, position, sample }: { test: TestResult; position: number; sample?: PublicTest }) {
  const passed = test.verdict === "accepted";
  const showDetails = !passed && !test.hidden;
  return (
    <li className={cn("rounded-md border", passed ? "border-border" : "border-destructive/40")} data-testid="test-result">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-sm">
        <span className="flex items-center gap-1.5 font-medium">
          {passed ? <CheckCircle2 className="size-4 text-success" aria-hidden /> : <XCircle className="size-4 text-destructive" aria-hidden />}
          {test.hidden ? `Hidden test ${position + 1}` : `Test ${position + 1}`}
        </span>
        <span className={cn("text-xs font-medium", passed ? "text-success" : "text-destructive")} data-testid="test-verdict">
          {VERDICT_NAMES[test.verdict]}
        </span>
        <span className="ml-auto flex items-center gap-3 text-xs tabular-nums text-muted-foreground">
          <span className="flex items-center gap-1" title="Time">
            <Clock className="size-3.5" aria-hidden />
            <span className="sr-only">Time </span>
            {test.time_ms < 1 ? "<1" : test.time_ms.toFixed(0)} ms
          </span>
          <span className="flex items-center gap-1" title="Memory">
            <Cpu className="size-3.5" aria-hidden />
            <span className="sr-only">Memory </span>
            {formatMemory(test.memory_kb)}
          </span>
        </span>
      </div>
      {showDetails ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 border-t bg-muted/40 px-3 py-2 font-mono text-xs" data-testid="failing-input">
          {sample?.input ? (
            <>
              <dt className="text-muted-foreground">input</dt>
              <dd className="break-all">
                {Object.entries(sample.input)
                  .map(([name, value]) => `${name} = ${formatValue(value)}`)
                  .join(", ")}
              </dd>
            </>
          ) : null}
          {sample ? (
            <>
              <dt className="text-muted-foreground">expected</dt>
              <dd className="break-all">{formatValue(sample.expected)}</dd>
            </>
          ) : null}
          <dt className="text-muted-foreground">actual</dt>
          <dd className="break-all">{test.actual === undefined ? "—" : formatValue(test.actual)}</dd>
          {test.error ? (
            <>
              <dt className="text-muted-foreground">error</dt>
              <dd className="break-all text-destructive">
                {test.error.type}: {test.error.message}
                {test.error.line ? ` (line ${test.error.line})` : ""}
              </dd>
            </>
          ) : null}
          {test.stderr ? (
            <>
              <dt className="text-muted-foreground">stderr</dt>
              <dd className="whitespace-pre-wrap break-all">{test.stderr}</dd>
            </>
          ) : null}
          {test.stdout ? (
            <>
              <dt className="text-muted-foreground">stdout</dt>
              <dd className="whitespace-pre-wrap break-all">{test.stdout}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </li>
  );
}
