import { CheckCircle2, Clock, Cpu, Loader2, XCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { RunRecord } from "@/lib/interview-state";
import type { Language, PublicTest, RunMode, TestResult } from "@/lib/types";
import { cn } from "@/lib/class-names";
import { formatInput, formatValue } from "@/lib/values";
import { runTimeLimitMs, verdictLabel } from "@/lib/results";
import { formatLimit } from "@/lib/wording";

interface ResultsPanelProps {
  run: RunRecord | null;
  pending: RunMode | null;
  sampleTests: PublicTest[];
  language: Language;
  /** The problem's time limit, when known from the problem itself. */
  timeLimitMs?: number | null;
  /** Why the current code can't run (e.g. too large): shown instead of an older result. */
  blockedReason?: string | null;
}

/** Time and memory are only figures for a run that finished; a stopped run has none worth showing. */
function measured(test: TestResult): boolean {
  return test.verdict === "accepted" || test.verdict === "wrong_answer";
}

function formatMemory(kb: number): string {
  return kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb} KB`;
}

export function ResultsPanel({ run, pending, sampleTests, language, timeLimitMs = null, blockedReason = null }: ResultsPanelProps) {
  const limitMs = run ? runTimeLimitMs(run.result, timeLimitMs) : timeLimitMs;
  return (
    <section className="flex h-full min-h-0 flex-col" aria-labelledby="results-title">
      <header className="flex items-center justify-between gap-2 border-b px-4 py-2">
        <h2 id="results-title" className="text-sm font-semibold">
          Test results
        </h2>
        {run && !pending && !blockedReason ? <RunSummary run={run} limitMs={limitMs} /> : null}
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto p-3" tabIndex={0} role="region" aria-label="Test results list" aria-live="polite" aria-busy={pending !== null}>
        {pending ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
            <Loader2 className="size-4 animate-spin" aria-hidden />
            {pending === "run" ? "Running sample tests…" : "Submitting to the interviewer…"}
          </p>
        ) : null}
        {blockedReason && !pending ? (
          <p className="text-sm text-muted-foreground" data-testid="results-blocked">
            Run and Submit are off until the code fits: {blockedReason}
          </p>
        ) : null}
        {!pending && !run && !blockedReason ? (
          <p className="text-sm text-muted-foreground">Run your code to see per-test verdicts, time and memory.</p>
        ) : null}
        {run && !pending && !blockedReason ? <RunDetails run={run} sampleTests={sampleTests} language={language} limitMs={limitMs} /> : null}
      </div>
    </section>
  );
}

function RunSummary({ run, limitMs }: { run: RunRecord; limitMs: number | null }) {
  const accepted = run.result.verdict === "accepted";
  return (
    <div className="flex flex-wrap items-center justify-end gap-2 text-xs" data-testid="run-summary">
      <Badge variant="outline">{run.mode === "run" ? "Sample run" : "Submission"}</Badge>
      <Badge variant={accepted ? "success" : "destructive"}>{verdictLabel(run.result.verdict, limitMs)}</Badge>
      <span className="tabular-nums text-muted-foreground">
        {run.result.passed}/{run.result.total} passed
      </span>
    </div>
  );
}

function RunDetails({ run, sampleTests, language, limitMs }: { run: RunRecord; sampleTests: PublicTest[]; language: Language; limitMs: number | null }) {
  const { result } = run;
  return (
    <div className="flex flex-col gap-2">
      {result.compile_output ? (
        <pre tabIndex={0} aria-label="Compiler output" className="max-h-48 overflow-auto whitespace-pre-wrap break-words rounded-md border border-destructive/40 bg-destructive/10 p-3 text-xs text-destructive [overflow-wrap:anywhere]">
          {result.compile_output}
        </pre>
      ) : null}
      {result.message && result.verdict !== "accepted" ? <p className="text-sm text-muted-foreground">{result.message}</p> : null}
      <ul className="flex flex-col gap-2" aria-label="Per-test results">
        {result.tests.map((test, position) => (
          <TestRow key={test.test_id} test={test} position={position} sample={sampleTests.find((sample) => sample.id === test.test_id)} language={language} limitMs={limitMs} />
        ))}
      </ul>
    </div>
  );
}

interface TestRowProps {
  test: TestResult;
  position: number;
  sample?: PublicTest;
  language: Language;
  limitMs: number | null;
}

function TestRow({ test, position, sample, language, limitMs }: TestRowProps) {
  const passed = test.verdict === "accepted";
  const showDetails = !passed && !test.hidden;
  // Null when nothing was measured (a test stopped by a limit or a crash, or never run).
  const timeMs = test.time_ms ?? 0;
  const memoryKb = test.memory_kb ?? 0;
  const figures = measured(test) && (timeMs > 0 || memoryKb > 0);
  return (
    <li className={cn("rounded-md border", passed ? "border-border" : "border-destructive/40")} data-testid="test-result">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-sm">
        <span className="flex items-center gap-1.5 font-medium">
          {passed ? <CheckCircle2 className="size-4 text-success" aria-hidden /> : <XCircle className="size-4 text-destructive" aria-hidden />}
          {test.hidden ? `Hidden test ${position + 1}` : `Test ${position + 1}`}
        </span>
        <span className={cn("text-xs font-medium", passed ? "text-success" : "text-destructive")} data-testid="test-verdict">
          {verdictLabel(test.verdict, limitMs)}
        </span>
        {figures ? (
        <span className="ml-auto flex items-center gap-3 text-xs tabular-nums text-muted-foreground">
          <span className="flex items-center gap-1" title="Time">
            <Clock className="size-3.5" aria-hidden />
            <span className="sr-only">Time </span>
            {timeMs < 1 ? "<1" : timeMs.toFixed(0)} ms
          </span>
          <span className="flex items-center gap-1" title="Memory">
            <Cpu className="size-3.5" aria-hidden />
            <span className="sr-only">Memory </span>
            {formatMemory(memoryKb)}
          </span>
        </span>
        ) : null}
      </div>
      {showDetails ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 border-t bg-muted/40 px-3 py-2 font-mono text-xs" data-testid="failing-input">
          {sample?.input ? (
            <>
              <dt className="text-muted-foreground">input</dt>
              <dd className="break-all">{formatInput(sample.input, language)}</dd>
            </>
          ) : null}
          {sample ? (
            <>
              <dt className="text-muted-foreground">expected</dt>
              <dd className="break-all">{formatValue(sample.expected, language)}</dd>
            </>
          ) : null}
          {test.verdict === "wrong_answer" ? (
            <>
              <dt className="text-muted-foreground">actual</dt>
              <dd className="break-all">{test.actual === undefined ? "—" : formatValue(test.actual, language)}</dd>
            </>
          ) : null}
          {test.verdict === "time_limit_exceeded" ? (
            <>
              <dt className="text-muted-foreground">result</dt>
              <dd className="font-sans">
                Stopped after {limitMs ? `the ${formatLimit(limitMs)} limit` : "the time limit"} without an answer. Look for a loop that never ends or
                work that grows too fast.
              </dd>
            </>
          ) : null}
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
