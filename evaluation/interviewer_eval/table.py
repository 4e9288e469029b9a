"""The harness's printout: one block per persona (each check, pass or fail, with its reason), then a summary
table with latency percentiles per persona; optionally each persona's turns as JSON, to read in full."""

import json
from pathlib import Path

from .checks import CheckResult, percentile, talk_latencies
from .interview import Interview

REASON_CHARS = 110


def _ms(values: list[float], p: float) -> str:
    if not values:
        return "-"
    return f"{(max(values) if p >= 100 else percentile(values, p)) * 1000:.0f}"


def print_results(interviews: list[Interview], results: dict[str, list[CheckResult]]) -> None:
    for interview in interviews:
        checks = results[interview.persona.name]
        passed = sum(c.passed for c in checks)
        print(f"\n== {interview.persona.name}: {interview.persona.about}")
        print(f"   {interview.persona.difficulty} {interview.question_id or '?'} in {interview.language}, "
              f"{len(interview.turns)} turns, {passed}/{len(checks)} checks passed")
        for result in checks:
            mark = "PASS" if result.passed else "FAIL"
            print(f"   {mark}  {result.name:<48} {result.reason[:REASON_CHARS]}")
    print()
    header = (f"{'persona':<18} {'problem':<26} {'lang':<10} {'passed':>7} {'p50 ms':>7} {'p95 ms':>7} "
              f"{'max ms':>7} {'wall s':>7}")
    print(header)
    print("-" * len(header))
    for interview in interviews:
        checks = results[interview.persona.name]
        times = talk_latencies(interview)
        print(f"{interview.persona.name:<18} {(interview.question_id or '?')[:26]:<26} {interview.language:<10} "
              f"{sum(c.passed for c in checks):>3}/{len(checks):<3} {_ms(times, 50):>7} {_ms(times, 95):>7} "
              f"{_ms(times, 100):>7} {interview.wall_s:>7.1f}")
    print()


def save_transcripts(interviews: list[Interview], folder: str) -> Path:
    """One JSON file per persona: each step, what was sent, what the interviewer said, phases, hints, timings."""
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    for interview in interviews:
        turns = [{"step": t.step.kind, "tags": list(t.step.tags), "sent": t.sent[:2000], "replies": t.replies,
                  "phases": t.phases, "hints": t.hint_levels, "completed": t.completed, "rejected": t.rejected,
                  "first_reply_s": t.first_reply_s, "done_s": t.done_s} for t in interview.turns]
        record = {"persona": interview.persona.name, "session_id": interview.session_id,
                  "question_id": interview.question_id, "language": interview.language,
                  "provider": interview.provider, "failure": interview.failure, "end_note": interview.end_note,
                  "report_status": interview.report_status, "report": interview.report, "turns": turns}
        (path / f"{interview.persona.name}.json").write_text(json.dumps(record, indent=2, ensure_ascii=False))
    return path
