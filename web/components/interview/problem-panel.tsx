import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { Loader2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { DIFFICULTY_NAMES } from "@/lib/display-names";
import type { Difficulty, ProblemPresentedPayload } from "@/lib/types";

const DIFFICULTY_BADGE: Record<Difficulty, "success" | "warning" | "destructive"> = {
  easy: "success",
  medium: "warning",
  hard: "destructive",
};

/** Code blocks may scroll sideways, so they take keyboard focus to be scrollable without a mouse. */
const MARKDOWN_COMPONENTS: Components = {
  pre: ({ node, ...props }) => <pre tabIndex={0} {...props} />,
};

export function formatValue(value: unknown): string {
  return JSON.stringify(value);
}

export function ProblemPanel({ problem }: { problem: ProblemPresentedPayload | null }) {
  if (!problem) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-3 p-8 text-center text-sm text-muted-foreground">
        <Loader2 className="size-5 animate-spin" aria-hidden />
        <p>Your interviewer is choosing a problem…</p>
      </div>
    );
  }
  return (
    <article className="flex flex-col gap-4 p-5" aria-labelledby="problem-title">
      <header className="flex flex-col gap-2">
        <h2 id="problem-title" className="text-xl font-semibold tracking-tight">
          {problem.title}
        </h2>
        <div>
          <Badge variant={DIFFICULTY_BADGE[problem.difficulty]}>{DIFFICULTY_NAMES[problem.difficulty]}</Badge>
        </div>
      </header>
      <div className="prose-statement" data-testid="problem-statement">
        <ReactMarkdown remarkPlugins={[remarkGfm]} components={MARKDOWN_COMPONENTS}>
          {problem.statement_md}
        </ReactMarkdown>
      </div>
      {problem.sample_tests.length > 0 ? (
        <section aria-labelledby="examples-title" className="flex flex-col gap-3">
          <h3 id="examples-title" className="text-sm font-semibold">
            Sample tests
          </h3>
          {problem.sample_tests.map((test, position) => (
            <div key={test.id} className="rounded-md border bg-muted/50 p-3 font-mono text-xs leading-relaxed">
              <p className="mb-1 font-sans text-xs font-medium text-muted-foreground">Example {position + 1}</p>
              {test.input
                ? Object.entries(test.input).map(([name, value]) => (
                    <p key={name} className="break-all">
                      <span className="text-muted-foreground">{name} = </span>
                      {formatValue(value)}
                    </p>
                  ))
                : null}
              <p className="break-all">
                <span className="text-muted-foreground">expected → </span>
                {formatValue(test.expected)}
              </p>
            </div>
          ))}
        </section>
      ) : null}
    </article>
  );
}
