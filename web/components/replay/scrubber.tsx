import { cn } from "@/lib/class-names";
import { PHASE_NAMES } from "@/lib/display-names";
import type { Marker, MarkerKind, PhaseBand, TimeSpan } from "@/lib/timeline";
import type { Phase } from "@/lib/types";

const BAND_COLOURS: Record<Phase, string> = {
  greeting: "bg-secondary",
  clarifying: "bg-accent",
  observing: "bg-primary/20",
  nudging: "bg-warning/25",
  reviewing: "bg-success/25",
  wrapping_up: "bg-muted",
};
const MARKER_STYLES: Record<MarkerKind, string> = {
  message: "bg-foreground/60 h-2",
  run: "bg-primary h-3",
  hint: "bg-warning h-3",
  feedback: "bg-success h-3",
};

function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

/**
 * The timeline: phase bands behind, markers for messages, runs, hints and feedback, and a native range
 * slider on top (arrow keys step a second, Page Up/Down ten, Home/End the ends; a screen reader hears
 * the time). Markers can be clicked to jump to them.
 */
export function Scrubber({ span, bands, markers, atMs, onSeek }: { span: TimeSpan; bands: PhaseBand[]; markers: Marker[]; atMs: number; onSeek: (ms: number) => void }) {
  const length = span.endMs - span.startMs;
  const percent = (ms: number) => `${((ms - span.startMs) / length) * 100}%`;
  return (
    <div className="flex flex-col gap-1">
      <div className="relative h-10" data-testid="scrubber">
        <div className="absolute inset-x-0 top-1 h-4 overflow-hidden rounded-sm border" aria-hidden>
          {bands.map((band) => (
            <div
              key={`${band.phase}-${band.startMs}`}
              className={cn("absolute inset-y-0", BAND_COLOURS[band.phase])}
              style={{ left: percent(band.startMs), width: `${((band.endMs - band.startMs) / length) * 100}%` }}
              title={PHASE_NAMES[band.phase]}
              data-phase={band.phase}
            />
          ))}
        </div>
        <div className="pointer-events-none absolute inset-x-0 top-6 h-3">
          {markers.map((marker, index) => (
            <button
              key={`${marker.atMs}-${index}`}
              type="button"
              tabIndex={-1}
              aria-hidden
              title={marker.label}
              onClick={() => onSeek(marker.atMs)}
              className={cn("pointer-events-auto absolute w-1 -translate-x-1/2 rounded-sm", MARKER_STYLES[marker.kind])}
              style={{ left: percent(marker.atMs) }}
              data-marker={marker.kind}
            />
          ))}
        </div>
        <input
          type="range"
          min={span.startMs}
          max={span.endMs}
          step={1000}
          value={atMs}
          onChange={(event) => onSeek(Number(event.target.value))}
          aria-label="Moment in the interview"
          aria-valuetext={`${clock(atMs - span.startMs)} of ${clock(length)}`}
          className="absolute inset-x-0 top-0 h-6 w-full cursor-pointer opacity-60 accent-[var(--primary)]"
          data-testid="replay-slider"
        />
      </div>
      <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground" aria-label="Phases">
        {bands.map((band) => (
          <li key={`${band.phase}-${band.startMs}`} className="flex items-center gap-1">
            <span className={cn("inline-block size-2.5 rounded-sm border", BAND_COLOURS[band.phase])} aria-hidden />
            {PHASE_NAMES[band.phase]} at {clock(band.startMs - span.startMs)}
          </li>
        ))}
      </ul>
    </div>
  );
}
