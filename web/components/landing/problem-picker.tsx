"use client";

import { useEffect, useId, useState } from "react";
import { Search } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { listProblems } from "@/lib/api";
import { cn } from "@/lib/class-names";
import { DIFFICULTY_NAMES, topicName } from "@/lib/display-names";
import type { ProblemSummary } from "@/lib/timeline";
import { DIFFICULTIES, TOPICS, type Difficulty, type Topic } from "@/lib/types";

const SEARCH_DELAY_MS = 250;

/**
 * Search and filter the problem catalogue (`GET /api/problems`, public data only) and pick one. The
 * list is a radio group, so arrow keys move through it and a screen reader says which one is chosen.
 */
export function ProblemPicker({ value, onChange }: { value: ProblemSummary | null; onChange: (problem: ProblemSummary | null) => void }) {
  const ids = useId();
  const [query, setQuery] = useState("");
  const [difficulty, setDifficulty] = useState<Difficulty | "">("");
  const [topic, setTopic] = useState<Topic | "">("");
  const [problems, setProblems] = useState<ProblemSummary[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      listProblems({ q: query.trim(), difficulty, topic }).then(
        (found) => {
          if (cancelled) return;
          setProblems(found);
          setFailed(false);
        },
        () => !cancelled && setFailed(true),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, difficulty, topic]);

  return (
    <div className="flex flex-col gap-3 rounded-md border p-3" data-testid="problem-picker">
      <div className="flex flex-col gap-2">
        <Label htmlFor={`${ids}-q`}>Search problems</Label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input id={`${ids}-q`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Title or topic" className="pl-9" />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${ids}-difficulty`}>Difficulty</Label>
          <Select id={`${ids}-difficulty`} value={difficulty} onChange={(event) => setDifficulty(event.target.value as Difficulty | "")}>
            <option value="">Any</option>
            {DIFFICULTIES.map((level) => (
              <option key={level} value={level}>
                {DIFFICULTY_NAMES[level]}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${ids}-topic`}>Topic</Label>
          <Select id={`${ids}-topic`} value={topic} onChange={(event) => setTopic(event.target.value as Topic | "")}>
            <option value="">Any</option>
            {TOPICS.map((name) => (
              <option key={name} value={name}>
                {topicName(name)}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <p className="sr-only" aria-live="polite">
        {problems === null ? "" : `${problems.length} problems found`}
      </p>
      {failed ? (
        <p role="alert" className="text-sm text-destructive">
          Could not load the problems. Check your connection and try again.
        </p>
      ) : null}
      <div role="radiogroup" aria-label="Problems" tabIndex={-1} className="max-h-64 overflow-y-auto rounded-md border" data-testid="problem-list">
        {problems !== null && problems.length === 0 ? (
          <p className="p-4 text-center text-sm text-muted-foreground">No problem matches. Try fewer words or another topic.</p>
        ) : null}
        {(problems ?? []).map((problem) => {
          const checked = value?.id === problem.id;
          return (
            <label
              key={problem.id}
              className={cn(
                "flex cursor-pointer flex-col gap-1 border-b px-3 py-2 last:border-b-0 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                checked ? "bg-primary/10" : "hover:bg-accent",
              )}
            >
              <span className="flex items-center gap-2">
                <input
                  type="radio"
                  name={`${ids}-problem`}
                  value={problem.id}
                  checked={checked}
                  onChange={() => onChange(problem)}
                  className="size-4 accent-[var(--primary)]"
                />
                <span className="text-sm font-medium">{problem.title}</span>
              </span>
              <span className="flex flex-wrap gap-1 pl-6">
                <Badge variant="secondary">{DIFFICULTY_NAMES[problem.difficulty]}</Badge>
                {problem.topics.map((name) => (
                  <Badge key={name} variant="outline">
                    {topicName(name)}
                  </Badge>
                ))}
              </span>
            </label>
          );
        })}
      </div>
    </div>
  );
}
