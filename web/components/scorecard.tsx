import { Badge } from "@/components/ui/badge";
import { HIRE_SIGNAL_NAMES } from "@/lib/display-names";
import type { FeedbackResult, HireSignal } from "@/lib/types";
import { cn } from "@/lib/class-names";

const SIGNAL_VARIANT: Record<HireSignal, "success" | "destructive"> = {
  strong_yes: "success",
  yes: "success",
  no: "destructive",
  strong_no: "destructive",
};

const SCORE_WORDS = ["", "Poor", "Mixed", "Good", "Excellent"];

export function Scorecard({ feedback }: { feedback: FeedbackResult }) {
  return (
    <div className="flex flex-col gap-6" data-testid="scorecard">
      <section className="flex flex-col gap-2">
        <div className="flex items-center justify-between gap-3">
          <h3 className="text-sm font-semibold">Overall</h3>
          <Badge variant={SIGNAL_VARIANT[feedback.hire_signal]} data-testid="hire-signal">
            {HIRE_SIGNAL_NAMES[feedback.hire_signal]}
          </Badge>
        </div>
        <p className="text-sm leading-relaxed">{feedback.summary}</p>
      </section>

      {feedback.scores.length > 0 ? (
        <section className="flex flex-col gap-3" aria-labelledby="scores-title">
          <h3 id="scores-title" className="text-sm font-semibold">
            Scores
          </h3>
          <ul className="flex flex-col gap-3">
            {feedback.scores.map((score) => (
              <li key={score.dimension} className="flex flex-col gap-1.5">
                <div className="flex items-center justify-between text-sm">
                  <span className="font-medium capitalize">{score.dimension.replaceAll("_", " ")}</span>
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
                  aria-label={`${score.dimension} score`}
                >
                  {[1, 2, 3, 4].map((step) => (
                    <span
                      key={step}
                      className={cn("h-1.5 rounded-full", step <= score.score ? (score.score >= 3 ? "bg-success" : "bg-warning") : "bg-muted")}
                    />
                  ))}
                </div>
                <p className="text-xs leading-relaxed text-muted-foreground">{score.justification}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="flex flex-col gap-1">
        <h3 className="text-sm font-semibold">Complexity</h3>
        <p className="text-sm">{feedback.complexity}</p>
      </section>

      <ListSection title="Edge cases to consider" items={feedback.edge_cases} />
      <ListSection title="Improvements" items={feedback.improvements} />
      <ListSection title="Practice next" items={feedback.practice_next} />
    </div>
  );
}

function ListSection({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section className="flex flex-col gap-1">
      <h3 className="text-sm font-semibold">{title}</h3>
      <ul className="list-disc pl-5 text-sm leading-relaxed">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
