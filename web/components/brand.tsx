import Link from "next/link";
import { BrainCircuit } from "lucide-react";

export function Brand({ compact = false }: { compact?: boolean }) {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md font-semibold tracking-tight" aria-label="MockMind home">
      <span className="grid size-8 place-items-center rounded-lg bg-primary text-primary-foreground shadow-sm">
        <BrainCircuit className="size-5" aria-hidden />
      </span>
      {compact ? null : <span className="text-lg">MockMind</span>}
    </Link>
  );
}
