"use client";

import { Suspense, useMemo } from "react";
import { useSearchParams } from "next/navigation";
import { ReplayView } from "@/components/replay/replay-view";

/** `/replay/?session=<id>` (this browser's own interview) or `/replay/?share=<token>` (a read-only link). */
function ReplayFromQuery() {
  const params = useSearchParams();
  const sessionId = params.get("session");
  const share = params.get("share");
  const source = useMemo(
    () => (share ? { kind: "share" as const, token: share } : sessionId ? { kind: "session" as const, sessionId } : null),
    [share, sessionId],
  );
  if (!source) return <p className="p-8 text-sm text-muted-foreground">No interview selected.</p>;
  return <ReplayView source={source} />;
}

export default function ReplayPage() {
  return (
    <Suspense fallback={null}>
      <ReplayFromQuery />
    </Suspense>
  );
}
