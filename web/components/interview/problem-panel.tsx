import { Children, type ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { Loader2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { DIFFICULTY_NAMES } from "@/lib/display-names";
import { splitPowers, splitStatement } from "@/lib/statement";
import type { Difficulty, Language, ProblemPresentedPayload, PublicTest } from "@/lib/types";
import { formatInput, formatValue } from "@/lib/values";

const DIFFICULTY_BADGE: Record<Difficulty, "success" | "warning" | "destructive"> = {
  easy: "success",
  medium: "warning",
  hard: "destructive",
};

/** "10^5" as 10<sup>5</sup> in running text and inline code (never inside code blocks). */
export function withPowers(children: ReactNode): ReactNode {
  return Children.map(children, (child) => {
    if (typeof child !== "string") return child;
    return splitPowers(child).map((piece, index) =>
      typeof piece === "string" ? (
        piece
      ) : (
        <span key={index}>
          {piece.base}
          <span className="sr-only"> to the power </span>
          <sup>{piece.exponent}</sup>
        </span>
      ),
    );
  });
}

/** Code blocks may scroll sideways, so they take keyboard focus to be scrollable without a mouse. */
const MARKDOWN_COMPONENTS: Components = {
  pre: ({ node, ...props }) => <pre tabIndex={0} {...props} />,
  code: ({ node, children, ...props }) => {
    const block = typeof children === "string" && children.includes("\n");
    return <code {...props}>{block ? children : withPowers(children)}</code>;
  },
  p: ({ node, children, ...props }) => <p {...props}>{withPowers(children)}</p>,
  li: ({ node, children, ...props }) => <li {...props}>{withPowers(children)}</li>,
  td: ({ node, children, ...props }) => <td {...props}>{withPowers(children)}</td>,
};

interface ProblemPanelProps {
  problem: ProblemPresentedPayload | null;
  language: Language;
}

export function ProblemPanel({ problem, language }: ProblemPanelProps) {
  if (!problem) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-3 p-8 text-center text-sm text-muted-foreground">
        <Loader2 className="size-5 animate-spin" aria-hidden />
        <p>Your interviewer is choosing a problem…</p>
      </div>
    );
  }
  const { parts, extraSamples } = splitStatement(problem.statement_md, problem.sample_tests.length);
  const constraints = (problem as { constraints?: unknown }).constraints;
  return (
    <article className="flex min-w-0 flex-col gap-4 p-4 sm:p-5" aria-labelledby="problem-title">
      <header className="flex flex-col gap-2">
        <h2 id="problem-title" className="text-xl font-semibold tracking-tight break-words">
          {problem.title}
        </h2>
        <div>
          <Badge variant={DIFFICULTY_BADGE[problem.difficulty]}>{DIFFICULTY_NAMES[problem.difficulty]}</Badge>
        </div>
      </header>
      <div className="prose-statement min-w-0" data-testid="problem-statement">
        {parts.map((part, position) =>
          part.kind === "markdown" ? (
            <ReactMarkdown key={position} remarkPlugins={[remarkGfm]} components={MARKDOWN_COMPONENTS}>
              {part.text}
            </ReactMarkdown>
          ) : (
            <Example key={position} number={part.index + 1} test={problem.sample_tests[part.index]} language={language} />
          ),
        )}
        {extraSamples.map((index) => (
          <Example key={`extra-${index}`} number={index + 1} test={problem.sample_tests[index]} language={language} />
        ))}
      </div>
      {Array.isArray(constraints) && constraints.length > 0 ? (
        <section aria-labelledby="constraints-title" className="prose-statement">
          <h3 id="constraints-title">Constraints</h3>
          <ul>
            {constraints.map((constraint) => (
              <li key={String(constraint)}>{withPowers(String(constraint))}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/** One example, in the candidate's language (Python `None`, Go `nil`, C++ `{1, 2}`…). */
function Example({ number, test, language }: { number: number; test: PublicTest; language: Language }) {
  return (
    <div className="my-3 rounded-md border bg-muted/50 p-3 font-mono text-xs leading-relaxed" data-testid="problem-example">
      <p className="mb-1 font-sans text-xs font-semibold">Example {number}</p>
      {test.input ? (
        <p className="break-words [overflow-wrap:anywhere]">
          <span className="text-muted-foreground">Input: </span>
          {formatInput(test.input, language)}
        </p>
      ) : null}
      <p className="break-words [overflow-wrap:anywhere]">
        <span className="text-muted-foreground">Output: </span>
        {formatValue(test.expected, language)}
      </p>
    </div>
  );
}
