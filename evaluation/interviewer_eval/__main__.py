"""`make eval-interviewer`: grade the interviewer by playing scripted candidates through the public API.

    python -m interviewer_eval [--provider offline|openai|bedrock] [--fake-openai] [--personas a,b] [--concurrency N]

Uses the MockMind answering at MOCKMIND_URL, or starts one there (its own RabbitMQ vhost and database)
with the chosen interviewer provider. Prints a table per persona, then as its last two lines
`intent_accuracy=…` and `interviewer_quality=… checks=… personas=…`.
"""

import argparse
import asyncio
import math
import os
import sys

from question_bank.bank import default_bank

from .checks import Context, run_checks
from .interview import InterviewRunner, Timeouts
from .personas import SILENCE_CHECKIN_S, personas
from .stack import EvalStack
from .table import print_results, save_transcripts


def intent_accuracy() -> tuple[float, str]:
    """The intent model's held-out accuracy, from the interviewer package once it has one."""
    try:
        from interviewer_agent.intents import held_out_accuracy
    except ImportError:
        return math.nan, "interviewer_agent.intents.held_out_accuracy does not exist yet (no intent model merged)"
    return float(held_out_accuracy()), ""


async def evaluate(args: argparse.Namespace) -> int:
    bank = default_bank()
    chosen = [p for p in personas(args.silence_s) if not args.personas or p.name in args.personas]
    if not chosen:
        print(f"no persona named {args.personas}", file=sys.stderr)
        return 2
    stack = EvalStack(args.url, args.provider, fake_openai=args.fake_openai, silence_s=args.silence_s)
    await stack.start()
    try:
        print(stack.describe(), flush=True)
        timeouts = Timeouts(turn_s=args.turn_timeout_s, report_s=args.report_timeout_s)
        runner = InterviewRunner(stack.url, bank, stack.provider, timeouts)
        limit = asyncio.Semaphore(args.concurrency)

        async def play(persona):
            async with limit:
                interview = await runner.run(persona)
                print(f"  played {persona.name}: {len(interview.turns)} turns"
                      + (f" — {interview.failure}" if interview.failure else ""), flush=True)
                return interview

        interviews = await asyncio.gather(*(play(p) for p in chosen))
    finally:
        await stack.stop()
    context = Context(bank, list(interviews), latency_budget_s=args.latency_budget_s)
    results = {i.persona.name: run_checks(i, context) for i in interviews}
    print_results(interviews, results)
    if args.transcripts:
        print(f"transcripts: {save_transcripts(interviews, args.transcripts)}")
    accuracy, note = intent_accuracy()
    if note:
        print(f"note: {note}")
    total = sum(len(r) for r in results.values())
    passed = sum(c.passed for r in results.values() for c in r)
    print(f"intent_accuracy={accuracy:.3f}" if not math.isnan(accuracy) else "intent_accuracy=nan")
    print(f"interviewer_quality={passed / total if total else 0:.3f} checks={total} personas={len(interviews)}")
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m interviewer_eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--provider", default=os.environ.get("PROVIDER") or "offline",
                        choices=["offline", "openai", "bedrock"], help="the interviewer's LLM_PROVIDER")
    parser.add_argument("--fake-openai", action="store_true",
                        help="with --provider openai: serve the project's fake OpenAI-compatible server")
    parser.add_argument("--url", default=os.environ.get("MOCKMIND_URL", "http://127.0.0.1:8000"))
    parser.add_argument("--personas", type=lambda s: [p for p in s.split(",") if p],
                        default=[p for p in os.environ.get("PERSONAS", "").split(",") if p])
    parser.add_argument("--concurrency", type=int, default=int(os.environ.get("EVAL_CONCURRENCY", "3")))
    parser.add_argument("--latency-budget-s", type=float, default=float(os.environ.get("EVAL_LATENCY_BUDGET_S", "3")))
    parser.add_argument("--turn-timeout-s", type=float, default=float(os.environ.get("EVAL_TURN_TIMEOUT_S", "60")))
    parser.add_argument("--report-timeout-s", type=float,
                        default=float(os.environ.get("EVAL_REPORT_TIMEOUT_S", "120")))
    parser.add_argument("--transcripts", default=os.environ.get("EVAL_TRANSCRIPTS", ""),
                        help="a folder to write each persona's turns to, as JSON")
    parser.add_argument("--silence-s", type=float, default=SILENCE_CHECKIN_S,
                        help="SILENCE_CHECKIN_S of the stack it starts (the silent persona waits 6× this)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    return asyncio.run(evaluate(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
