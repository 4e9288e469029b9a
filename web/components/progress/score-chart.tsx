import { dimensionName, type ScoreSeries } from "@/lib/progress";
import type { InterviewProgress } from "@/lib/timeline";

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 36, right: 16, top: 16, bottom: 32 };
/** Distinct in both themes and for common colour-vision differences; each line also has its own marker. */
const COLOURS = ["var(--primary)", "var(--success)", "var(--warning)", "var(--destructive)", "var(--foreground)"];
const MARKERS = ["circle", "square", "diamond", "triangle", "cross"] as const;

const dateFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

/**
 * Scores per dimension (1–4) over the interviews, as a small SVG line chart. The same figures are in
 * the table under it (a chart alone says nothing to a screen reader).
 */
export function ScoreChart({ series, interviews }: { series: ScoreSeries[]; interviews: InterviewProgress[] }) {
  const count = Math.max(interviews.length, 2);
  const x = (index: number) => PAD.left + (index * (WIDTH - PAD.left - PAD.right)) / (count - 1);
  const y = (score: number) => PAD.top + ((4 - score) * (HEIGHT - PAD.top - PAD.bottom)) / 3;
  const summary = series.map((line) => `${dimensionName(line.dimension)}: ${line.points.map((point) => point.score).join(", ")}`).join("; ");
  return (
    <figure className="flex flex-col gap-3">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="img" aria-label={`Scores per dimension over your interviews, oldest first. ${summary}`} data-testid="score-chart">
        {[1, 2, 3, 4].map((score) => (
          <g key={score}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(score)} y2={y(score)} stroke="var(--border)" />
            <text x={PAD.left - 10} y={y(score) + 4} textAnchor="end" fontSize="12" fill="var(--muted-foreground)">
              {score}
            </text>
          </g>
        ))}
        {interviews.map((interview, index) => (
          <text key={interview.session_id} x={x(index)} y={HEIGHT - 10} textAnchor="middle" fontSize="11" fill="var(--muted-foreground)">
            {dateFormat.format(new Date(interview.started_at))}
          </text>
        ))}
        {series.map((line, lineIndex) => {
          const colour = COLOURS[lineIndex % COLOURS.length];
          return (
            <g key={line.dimension} data-dimension={line.dimension}>
              <polyline fill="none" stroke={colour} strokeWidth="2.5" points={line.points.map((point) => `${x(point.index)},${y(point.score)}`).join(" ")} />
              {line.points.map((point) => (
                <PointMarker key={point.index} shape={MARKERS[lineIndex % MARKERS.length]} cx={x(point.index)} cy={y(point.score)} colour={colour} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {series.map((line, lineIndex) => (
            <li key={line.dimension} className="flex items-center gap-1.5">
              <svg viewBox="-6 -6 12 12" className="size-3" aria-hidden>
                <PointMarker shape={MARKERS[lineIndex % MARKERS.length]} cx={0} cy={0} colour={COLOURS[lineIndex % COLOURS.length]} />
              </svg>
              {dimensionName(line.dimension)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function PointMarker({ shape, cx, cy, colour }: { shape: (typeof MARKERS)[number]; cx: number; cy: number; colour: string }) {
  const r = 5;
  switch (shape) {
    case "circle":
      return <circle cx={cx} cy={cy} r={r} fill={colour} />;
    case "square":
      return <rect x={cx - r} y={cy - r} width={2 * r} height={2 * r} fill={colour} />;
    case "diamond":
      return <polygon points={`${cx},${cy - r - 1} ${cx + r + 1},${cy} ${cx},${cy + r + 1} ${cx - r - 1},${cy}`} fill={colour} />;
    case "triangle":
      return <polygon points={`${cx},${cy - r - 1} ${cx + r + 1},${cy + r} ${cx - r - 1},${cy + r}`} fill={colour} />;
    default:
      return <path d={`M${cx - r},${cy - r}L${cx + r},${cy + r}M${cx + r},${cy - r}L${cx - r},${cy + r}`} stroke={colour} strokeWidth="2.5" />;
  }
}
