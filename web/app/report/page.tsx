"use client";

import { Suspense } from "react";
import { useSearchParams } from "next/navigation";
import { ReportView } from "@/components/report/report-view";

/** `/report/?id=<session_id>`. */
function ReportFromQuery() {
  const sessionId = useSearchParams().get("id");
  if (!sessionId) return <p className="p-8 text-sm text-muted-foreground">No interview selected.</p>;
  return <ReportView key={sessionId} sessionId={sessionId} />;
}

export default function ReportPage() {
  return (
    <Suspense fallback={null}>
      <ReportFromQuery />
    </Suspense>
  );
}
