/** What the progress page draws, from `GET /api/candidates/progress`, as pure functions. */
import type { InterviewProgress } from "./timeline";

export interface ScoreSeries {
  dimension: string;
  /** One point per interview that scored this dimension, oldest first. */
  points: { index: number; score: number; at: string }[];
}

/** Scores per dimension over the interviews (x: the interview's position, oldest first). */
export function scoreSeries(interviews: InterviewProgress[]): ScoreSeries[] {
  const byDimension = new Map<string, ScoreSeries>();
  interviews.forEach((interview, index) => {
    for (const [dimension, score] of Object.entries(interview.scores)) {
      if (!byDimension.has(dimension)) byDimension.set(dimension, { dimension, points: [] });
      byDimension.get(dimension)!.points.push({ index, score, at: interview.started_at });
    }
  });
  return [...byDimension.values()].sort((a, b) => a.dimension.localeCompare(b.dimension));
}

export interface Count {
  name: string;
  count: number;
}

function countedDesc(counts: Map<string, number>): Count[] {
  return [...counts.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Topics of the interviews not solved, most often first. */
export function mostFailedTopics(interviews: InterviewProgress[]): Count[] {
  const counts = new Map<string, number>();
  for (const interview of interviews) if (!interview.solved) for (const topic of interview.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return countedDesc(counts);
}

/** Hidden-test categories failed, counted once per interview, most often first. */
export function mostFailedCategories(interviews: InterviewProgress[]): Count[] {
  const counts = new Map<string, number>();
  for (const interview of interviews) for (const category of new Set(interview.failed_categories)) counts.set(category, (counts.get(category) ?? 0) + 1);
  return countedDesc(counts);
}

/** "4 min 05 s", or "—" when nothing was accepted. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes ? `${minutes} min ${String(whole % 60).padStart(2, "0")} s` : `${whole} s`;
}

export function dimensionName(dimension: string): string {
  const spaced = dimension.replaceAll("_", " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
