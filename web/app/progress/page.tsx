import { ProgressView } from "@/components/progress/progress-view";

/** `/progress`: the candidate's interviews over time (see components/progress). */
export default function ProgressPage() {
  return <ProgressView />;
}
