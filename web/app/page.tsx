import Link from "next/link";
import { Code2, LineChart, MessagesSquare, Mic, Timer } from "lucide-react";
import { Brand } from "@/components/brand";
import { PastSessions } from "@/components/landing/past-sessions";
import { StartForm } from "@/components/landing/start-form";
import { ThemeToggle } from "@/components/theme-toggle";

const FEATURES = [
  { icon: MessagesSquare, title: "A real interviewer", text: "Asks, clarifies, nudges, and reviews like a human would." },
  { icon: Code2, title: "Judge in five languages", text: "Run sample tests or submit against hidden ones." },
  { icon: Mic, title: "Talk it through", text: "Think aloud with your microphone; hear the replies." },
  { icon: Timer, title: "On the clock", text: "A 45-minute session ending in a detailed scorecard." },
];

export default function LandingPage() {
  return (
    <div className="min-h-full bg-[radial-gradient(ellipse_at_top,var(--accent),transparent_60%)]">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-6 py-5">
        <Brand />
        <nav aria-label="Main" className="flex items-center gap-2">
          <Link href="/progress/" className="flex items-center gap-1.5 rounded-md px-3 py-2 text-sm font-medium hover:bg-accent">
            <LineChart className="size-4" aria-hidden /> Progress
          </Link>
          <ThemeToggle />
        </nav>
      </header>
      {/* On a phone the start form follows the headline at once; the features and past sessions come after. */}
      <main className="mx-auto grid max-w-6xl gap-6 px-4 pb-16 pt-2 sm:px-6 lg:grid-cols-[1.1fr_1fr] lg:gap-x-10 lg:gap-y-8 lg:pt-6">
        <section className="flex flex-col gap-4" aria-labelledby="hero-title">
          <p className="w-fit rounded-full border bg-card px-3 py-1 text-xs font-medium text-muted-foreground">
            Mock coding interviews, on demand
          </p>
          <h1 id="hero-title" className="text-3xl font-bold leading-tight tracking-tight sm:text-5xl">
            Practice the interview, <span className="text-primary">not just the problem.</span>
          </h1>
          <p className="max-w-xl text-base text-muted-foreground sm:text-lg">
            MockMind pairs you with an AI interviewer that watches you code, answers your questions, and tells you
            honestly how it went.
          </p>
        </section>
        <section aria-label="New interview" className="lg:sticky lg:top-6 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start">
          <StartForm />
        </section>
        <section className="flex flex-col gap-8" aria-label="About MockMind and your sessions">
          <ul className="grid gap-4 sm:grid-cols-2">
            {FEATURES.map(({ icon: Icon, title, text }) => (
              <li key={title} className="flex gap-3 rounded-lg border bg-card/70 p-4">
                <Icon className="mt-0.5 size-5 shrink-0 text-primary" aria-hidden />
                <div>
                  <p className="text-sm font-semibold">{title}</p>
                  <p className="text-sm text-muted-foreground">{text}</p>
                </div>
              </li>
            ))}
          </ul>
          <PastSessions />
        </section>
      </main>
    </div>
  );
}
