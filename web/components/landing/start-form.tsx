"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { ArrowRight, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { createSession } from "@/lib/api";
import { DIFFICULTY_NAMES, LANGUAGE_NAMES, topicName } from "@/lib/display-names";
import { DEFAULT_DURATION_MINUTES, saveSession } from "@/lib/local-sessions";
import { cn } from "@/lib/class-names";
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

  async function start(event: React.FormEvent) {
    event.preventDefault();
    setStarting(true);
    setError(null);
    try {
      const created = await createSession({ difficulty, language, ...(topic ? { topic } : {}) });
      saveSession({
        sessionId: created.session_id,
        token: created.token,
        difficulty,
        language,
        topic: topic || null,
        durationMinutes: duration,
        createdAt: new Date().toISOString(),
        startMessageId: null,
      });
      router.push(`/interview/?id=${encodeURIComponent(created.session_id)}`);
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
            <div className="flex flex-col gap-2">
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
