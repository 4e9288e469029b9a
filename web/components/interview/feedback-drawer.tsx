"use client";

import { Loader2 } from "lucide-react";
import { Scorecard } from "@/components/scorecard";
import { Sheet, SheetContent } from "@/components/ui/sheet";
import { LoadingStatus } from "@/components/loading-status";
import type { FeedbackResult } from "@/lib/types";

interface FeedbackDrawerProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  status: "idle" | "pending" | "ready";
  feedback: FeedbackResult | null;
}

export function FeedbackDrawer({ open, onOpenChange, status, feedback }: FeedbackDrawerProps) {
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent title="Feedback" description="A scorecard of your interview so far.">
        {status === "pending" && !feedback ? (
          <LoadingStatus>Reviewing your interview…</LoadingStatus>
        ) : null}
        {status === "pending" && feedback ? (
          <p role="status" className="mb-4 flex items-center gap-2 text-xs text-muted-foreground">
            <Loader2 className="size-3.5 animate-spin" aria-hidden /> Updating… showing the previous scorecard.
          </p>
        ) : null}
        {feedback ? <Scorecard feedback={feedback} /> : null}
        {status === "idle" && !feedback ? <p className="text-sm text-muted-foreground">No feedback yet.</p> : null}
      </SheetContent>
    </Sheet>
  );
}
