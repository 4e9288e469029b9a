import type { ReactNode } from "react";
import { Loader2 } from "lucide-react";

/** A spinner and what is being waited for, announced to screen readers as a status. */
export function LoadingStatus({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
      <Loader2 className="size-4 animate-spin" aria-hidden /> {children}
    </p>
  );
}
