"use client";

import { AlertTriangle, Timer as TimerIcon, Volume2, VolumeX, Wifi, WifiOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatClock, useCountdown } from "@/hooks/use-countdown";
import { PHASE_NAMES } from "@/lib/display-names";
import type { ConnectionStatus } from "@/lib/ws-client";
import { PHASES, type Phase } from "@/lib/types";
import { cn } from "@/lib/class-names";

/** The interview's phases as steps, the current one highlighted. */
export function PhaseIndicator({ phase, vertical = false }: { phase: Phase | null; vertical?: boolean }) {
  const currentIndex = phase ? PHASES.indexOf(phase) : -1;
  return (
    <nav aria-label="Interview phase">
      <ol className={cn("flex gap-1", vertical ? "flex-wrap items-start" : "items-center")} data-testid={vertical ? "phase-indicator-menu" : "phase-indicator"}>
        {PHASES.map((step, index) => (
          <li
            key={step}
            aria-current={step === phase ? "step" : undefined}
            className={cn(
              "rounded-full px-2 py-0.5 text-xs whitespace-nowrap",
              step === phase
                ? "bg-primary font-semibold text-primary-foreground"
                : index < currentIndex
                  ? "text-foreground"
                  : vertical
                    ? "text-muted-foreground"
                    : "hidden text-muted-foreground xl:inline",
            )}
          >
            {PHASE_NAMES[step]}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function InterviewTimer({ startedAt, minutes }: { startedAt: string | null; minutes: number }) {
  const remaining = useCountdown(startedAt, minutes);
  const low = remaining !== null && remaining <= 5 * 60_000;
  const over = remaining === 0;
  return (
    <div
      className={cn(
        "flex items-center gap-1.5 rounded-md border px-2.5 py-1 font-mono text-sm tabular-nums",
        over ? "border-destructive/50 text-destructive" : low ? "border-warning/50 text-warning" : "",
      )}
      role="timer"
      aria-label={remaining === null ? "Time remaining" : `Time remaining ${formatClock(remaining)}`}
      data-testid="interview-timer"
    >
      <TimerIcon className="size-4" aria-hidden />
      {remaining === null ? "--:--" : over ? "00:00" : formatClock(remaining)}
    </div>
  );
}

/** At 00:00: says the time is up and what happens next (the interview does not end by itself). */
export function TimeUpNotice({ startedAt, minutes, onFinish }: { startedAt: string | null; minutes: number; onFinish: () => void }) {
  const remaining = useCountdown(startedAt, minutes);
  if (remaining !== 0) return null;
  return (
    <div role="status" className="flex flex-wrap items-center justify-between gap-2 border-b border-warning/40 bg-warning/10 px-4 py-1.5 text-sm" data-testid="time-up">
      <span className="min-w-0">
        <strong>Time&apos;s up.</strong> The interview doesn&apos;t end by itself: wrap up your answer, then press Finish and
        your report will be prepared.
      </span>
      <Button size="sm" variant="outline" onClick={onFinish}>
        Finish now
      </Button>
    </div>
  );
}

const CONNECTION_LABELS: Record<ConnectionStatus, string> = {
  idle: "Connecting",
  connecting: "Connecting",
  open: "Live",
  reconnecting: "Reconnecting",
  closed: "Disconnected",
  failed: "Connection refused",
};

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const live = status === "open";
  const bad = status === "failed" || status === "closed";
  return (
    <Badge variant={live ? "success" : bad ? "destructive" : "warning"} data-testid="connection-status" role="status">
      {live ? <Wifi className="size-3" aria-hidden /> : bad ? <AlertTriangle className="size-3" aria-hidden /> : <WifiOff className="size-3" aria-hidden />}
      {CONNECTION_LABELS[status]}
    </Badge>
  );
}

export function MuteButton({ muted, speaking, onToggle }: { muted: boolean; speaking: boolean; onToggle: () => void }) {
  return (
    <Button
      variant="ghost"
      size="icon"
      onClick={onToggle}
      aria-pressed={muted}
      aria-label={muted ? "Unmute interviewer voice" : "Mute interviewer voice"}
      title={muted ? "Unmute interviewer voice" : "Mute interviewer voice"}
    >
      {muted ? <VolumeX aria-hidden /> : <Volume2 aria-hidden className={speaking ? "animate-pulse text-primary" : ""} />}
    </Button>
  );
}
