"use client";

import { Suspense } from "react";
import { useSearchParams } from "next/navigation";
import { InterviewRoom } from "@/components/interview/interview-room";

/** `/interview/?id=<session_id>`: a query parameter, since a static export has no dynamic routes. */
function InterviewFromQuery() {
  const sessionId = useSearchParams().get("id");
  if (!sessionId) {
    return <p className="p-8 text-sm text-muted-foreground">No interview selected.</p>;
  }
  return <InterviewRoom key={sessionId} sessionId={sessionId} />;
}

export default function InterviewPage() {
  return (
    <Suspense fallback={null}>
      <InterviewFromQuery />
    </Suspense>
  );
}
