import { Badge } from "@/components/ui/badge";
import { HIRE_SIGNAL_NAMES } from "@/lib/display-names";
import type { EdgeCaseCategory, FeedbackResult, HireSignal, Suggestion } from "@/lib/types";
import { cn } from "@/lib/class-names";
import { humanise, humaniseTestIds, plural } from "@/lib/wording";

const SIGNAL_VARIANT: Record<HireSignal, "success" | "destructive"> = {
  strong_yes: "success",
  yes: "success",
  no: "destructive",
  strong_no: "destructive",
};

const SCORE_WORDS = ["", "Poor", "Mixed", "Good", "Excellent"];

const SUGGESTION_KINDS: Record<Suggestion["kind"], string> = {
  correctness: "Correctness",
  performance: "Performance",
  naming: "Naming",
  structure: "Structure",
  idiom: "Idiom",
};

/**
 * The scorecard as the server wrote it. Where the server sends findings both as prose and as data
 * (complexity, edge cases, suggestions), the data is shown, once, so the card never says one thing
 * in a sentence and another in a list.
 */
export function Scorecard({ feedback }: { feedback: FeedbackResult }) {
  const suggestions = feedback.suggestions ?? [];
  const categories = feedback.edge_case_categories ?? [];
  return (
    <div className="flex flex-col gap-6" data-testid="scorecard">
      <section className="flex flex-col gap-2">
        <div className="flex items-center justify-between gap-3">
          <h3 className="text-sm font-semibold">Overall</h3>
          <Badge variant={SIGNAL_VARIANT[feedback.hire_signal]} data-testid="hire-signal">
            {HIRE_SIGNAL_NAMES[feedback.hire_signal]}
          </Badge>
        </div>
        <p className="text-sm leading-relaxed break-words">{humaniseTestIds(feedback.summary)}</p>
      </section>

      {feedback.scores.length > 0 ? (
        <section className="flex flex-col gap-3" aria-labelledby="scores-title">
          <h3 id="scores-title" className="text-sm font-semibold">
            Scores
          </h3>
          <ul className="flex flex-col gap-3">
            {feedback.scores.map((score) => (
              <li key={score.dimension} className="flex flex-col gap-1.5">
                <div className="flex items-center justify-between gap-2 text-sm">
                  <span className="font-medium">{humanise(score.dimension)}</span>
                  <span className="tabular-nums text-muted-foreground">
                    {score.score}/4 · {SCORE_WORDS[score.score] ?? ""}
                  </span>
                </div>
                <div
                  className="grid grid-cols-4 gap-1"
                  role="meter"
                  aria-valuemin={1}
                  aria-valuemax={4}
                  aria-valuenow={score.score}
                  aria-label={`${humanise(score.dimension)} score`}
                >
                  {[1, 2, 3, 4].map((step) => (
                    <span
                      key={step}
                      className={cn("h-1.5 rounded-full", step <= score.score ? (score.score >= 3 ? "bg-success" : "bg-warning") : "bg-muted")}
                    />
                  ))}
                </div>
                <p className="text-xs leading-relaxed break-words text-muted-foreground">{humaniseTestIds(score.justification)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="flex flex-col gap-1" data-testid="complexity">
        <h3 className="text-sm font-semibold">Complexity</h3>
        {feedback.measured_complexity && feedback.measured_complexity.measured !== "unknown" ? (
          <p className="text-sm break-words">
            Measured {feedback.measured_complexity.measured} (expected {feedback.measured_complexity.expected}):{" "}
            {feedback.measured_complexity.summary}
          </p>
        ) : (
          <p className="text-sm break-words">{feedback.complexity}</p>
        )}
      </section>

      {categories.length > 0 ? <EdgeCaseTable categories={categories} /> : <ListSection title="Edge cases to consider" items={feedback.edge_cases} />}
      {suggestions.length > 0 ? <SuggestionList suggestions={suggestions} /> : <ListSection title="Improvements" items={feedback.improvements} />}
      <ListSection title="Practice next" items={feedback.practice_next} />
    </div>
  );
}

function EdgeCaseTable({ categories }: { categories: EdgeCaseCategory[] }) {
  return (
    <section className="flex flex-col gap-1" aria-labelledby="edge-categories-title" data-testid="edge-case-categories">
      <h3 id="edge-categories-title" className="text-sm font-semibold">
        Hidden tests by category
      </h3>
      <ul className="flex flex-col gap-1 text-sm">
        {categories.map((category) => {
          const allPass = category.passed === category.total;
          return (
            <li key={category.category} className="flex items-center justify-between gap-3">
              <span>{humanise(category.category)}</span>
              <span className={cn("tabular-nums", allPass ? "text-success" : "text-destructive")}>
                {category.passed} of {plural(category.total, "test")} passed
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function SuggestionList({ suggestions }: { suggestions: Suggestion[] }) {
  return (
    <section className="flex flex-col gap-1" aria-labelledby="suggestions-title" data-testid="suggestions">
      <h3 id="suggestions-title" className="text-sm font-semibold">
        Suggestions
      </h3>
      <ul className="flex flex-col gap-2 text-sm">
        {suggestions.map((suggestion, index) => (
          <li key={index} className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <Badge variant="outline">{SUGGESTION_KINDS[suggestion.kind] ?? humanise(suggestion.kind)}</Badge>
            {suggestion.line ? <span className="font-mono text-xs text-muted-foreground">Line {suggestion.line}</span> : null}
            <span className="min-w-0 basis-full break-words leading-relaxed">{humaniseTestIds(suggestion.text)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ListSection({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section className="flex flex-col gap-1">
      <h3 className="text-sm font-semibold">{title}</h3>
      <ul className="list-disc pl-5 text-sm leading-relaxed break-words">
        {items.map((item) => (
          <li key={item}>{humaniseTestIds(item)}</li>
        ))}
      </ul>
    </section>
  );
}
