"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { ArrowRight, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { ProblemPicker } from "@/components/landing/problem-picker";
import { DIFFICULTY_NAMES, LANGUAGE_NAMES, topicName } from "@/lib/display-names";
import { DEFAULT_DURATION_MINUTES } from "@/lib/local-sessions";
import { cn } from "@/lib/class-names";
import { interviewPath, startInterview } from "@/lib/start-interview";
import type { ProblemSummary } from "@/lib/timeline";
import { DIFFICULTIES, LANGUAGES, TOPICS, type Difficulty, type Language, type Topic } from "@/lib/types";

const DIFFICULTY_HINTS: Record<Difficulty, string> = {
  easy: "Warm-up: one clean idea",
  medium: "The classic phone screen",
  hard: "Onsite-level depth",
};

const DURATIONS = [30, 45, 60];

export function StartForm() {
  const router = useRouter();
  const [difficulty, setDifficulty] = useState<Difficulty>("medium");
  const [language, setLanguage] = useState<Language>("python");
  const [topic, setTopic] = useState<Topic | "">("");
  const [duration, setDuration] = useState(DEFAULT_DURATION_MINUTES);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [problem, setProblem] = useState<ProblemSummary | null>(null);

  function pick(chosen: ProblemSummary | null) {
    setProblem(chosen);
    if (chosen) setDifficulty(chosen.difficulty); // the problem's own level is the interview's
  }

  async function start(event: React.FormEvent) {
    event.preventDefault();
    if (choosing && !problem) {
      setError("Pick a problem from the list, or choose “Surprise me”.");
      return;
    }
    setStarting(true);
    setError(null);
    try {
      const chosen = choosing && problem ? { question_id: problem.id } : topic ? { topic } : {};
      const sessionId = await startInterview({ difficulty, language, ...chosen }, duration);
      router.push(interviewPath(sessionId));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not start the interview.");
      setStarting(false);
    }
  }

  return (
    <Card className="w-full">
      <CardHeader>
        <CardTitle>Start a mock interview</CardTitle>
        <CardDescription>One coding problem, a live interviewer, and a scorecard at the end.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={start} className="flex flex-col gap-6">
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 text-sm font-medium">Difficulty</legend>
            <div className="grid grid-cols-3 gap-2">
              {DIFFICULTIES.map((level) => (
                <label
                  key={level}
                  className={cn(
                    "flex cursor-pointer flex-col gap-0.5 rounded-md border bg-card p-3 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                    difficulty === level ? "border-primary bg-primary/10" : "hover:bg-accent",
                  )}
                >
                  <input
                    type="radio"
                    name="difficulty"
                    value={level}
                    checked={difficulty === level}
                    onChange={() => setDifficulty(level)}
                    className="sr-only"
                  />
                  <span className="text-sm font-semibold">{DIFFICULTY_NAMES[level]}</span>
                  <span className="text-xs text-muted-foreground">{DIFFICULTY_HINTS[level]}</span>
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 text-sm font-medium">Problem</legend>
            <div className="grid grid-cols-2 gap-2">
              {[
                { choose: false, title: "Surprise me", text: "By difficulty and topic" },
                { choose: true, title: "Let me choose", text: "Search the problems" },
              ].map((option) => (
                <label
                  key={option.title}
                  className={cn(
                    "flex cursor-pointer flex-col gap-0.5 rounded-md border bg-card p-3 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                    choosing === option.choose ? "border-primary bg-primary/10" : "hover:bg-accent",
                  )}
                >
                  <input type="radio" name="problem-mode" checked={choosing === option.choose} onChange={() => setChoosing(option.choose)} className="sr-only" />
                  <span className="text-sm font-semibold">{option.title}</span>
                  <span className="text-xs text-muted-foreground">{option.text}</span>
                </label>
              ))}
            </div>
            {choosing ? <ProblemPicker value={problem} onChange={pick} /> : null}
            {choosing && problem ? (
              <p className="text-sm" data-testid="picked-problem">
                Picked: <span className="font-medium">{problem.title}</span>
              </p>
            ) : null}
          </fieldset>

          <div className="grid gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-2">
              <Label htmlFor="language">Language</Label>
              <Select id="language" value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
                {LANGUAGES.map((value) => (
                  <option key={value} value={value}>
                    {LANGUAGE_NAMES[value]}
                  </option>
                ))}
              </Select>
            </div>
            <div className={cn("flex flex-col gap-2", choosing && "hidden")}>
              <Label htmlFor="topic">Topic (optional)</Label>
              <Select id="topic" value={topic} onChange={(event) => setTopic(event.target.value as Topic | "")}>
                <option value="">Any topic</option>
                {TOPICS.map((value) => (
                  <option key={value} value={value}>
                    {topicName(value)}
                  </option>
                ))}
              </Select>
            </div>
          </div>

          <div className="flex flex-col gap-2">
            <Label htmlFor="duration">Interview length</Label>
            <Select id="duration" value={duration} onChange={(event) => setDuration(Number(event.target.value))}>
              {DURATIONS.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {minutes} minutes
                </option>
              ))}
            </Select>
          </div>

          {error ? (
            <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
              {error}
            </p>
          ) : null}

          <Button type="submit" size="lg" disabled={starting} className="w-full">
            {starting ? <Loader2 className="animate-spin" aria-hidden /> : null}
            {starting ? "Starting…" : "Start interview"}
            {starting ? null : <ArrowRight aria-hidden />}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
