import type { ReactNode } from "react";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { Brand } from "@/components/brand";
import { ThemeToggle } from "@/components/theme-toggle";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/class-names";

/**
 * The frame of a page one step away from home (progress, replay): the brand, a "Home" link and the
 * theme toggle above a centred column. `width` is a whole Tailwind class so the compiler sees it.
 */
export function BackHomePage({ width, gap, children }: { width: "max-w-6xl" | "max-w-7xl"; gap: "gap-4" | "gap-6"; children: ReactNode }) {
  return (
    <div className="min-h-full">
      <header className={cn("mx-auto flex items-center justify-between gap-3 px-4 py-4 sm:px-6", width)}>
        <Brand />
        <div className="flex items-center gap-2">
          <Button asChild variant="ghost" size="sm">
            <Link href="/">
              <ArrowLeft aria-hidden /> Home
            </Link>
          </Button>
          <ThemeToggle />
        </div>
      </header>
      <main className={cn("mx-auto flex flex-col px-4 pb-16 sm:px-6", width, gap)}>{children}</main>
    </div>
  );
}
