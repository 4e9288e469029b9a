import * as React from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/class-names";

/** A styled native <select>: keyboard and screen-reader behaviour come from the browser. */
export function Select({ className, children, ...props }: React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className="relative">
      <select
        className={cn(
          "h-10 w-full appearance-none rounded-md border border-input bg-card pl-3 pr-9 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-50",
          className,
        )}
        {...props}
      >
        {children}
      </select>
      <ChevronDown aria-hidden className="pointer-events-none absolute right-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
    </div>
  );
}
