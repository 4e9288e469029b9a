""""Practise my weak spots": which topic is weakest and which problem to practise it on.

A pure function of the candidate's finished interviews and the problem catalogue, so the rule is
tested without a server. The rule, in words (also sent to the browser as `RULE`):

1. An interview's score is the mean of its scorecard's dimension scores (1–4); an interview with no
   scores counts as 1 when unsolved and 4 when solved.
2. A topic's strength is the mean score of its last `RECENT_INTERVIEWS` interviews (a problem with
   several topics counts for each). The weakest topic has the lowest strength; ties go to the topic
   solved least often in those interviews, then the one practised longest ago, then the name.
3. The problem: from the weakest topic, leaving out problems solved in the last `SOLVED_COOLDOWN_DAYS`
   days; never-tried problems first, then the one tried longest ago, then the id. When every problem
   of that topic is left out, the next weakest topic is tried.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import fmean

RECENT_INTERVIEWS = 3
SOLVED_COOLDOWN_DAYS = 14
RULE = (f"Weakest topic: the lowest mean score over its last {RECENT_INTERVIEWS} interviews (ties: fewest solved, "
        f"then practised longest ago). Problem: from that topic, not solved in the last {SOLVED_COOLDOWN_DAYS} days, "
        "never-tried first, then tried longest ago.")


@dataclass(frozen=True)
class PastInterview:
    question_id: str | None
    topics: Sequence[str]
    started_at: datetime
    scores: dict[str, float]
    solved: bool

    @property
    def score(self) -> float:
        if self.scores:
            return fmean(self.scores.values())
        return 4.0 if self.solved else 1.0


@dataclass(frozen=True)
class CatalogueEntry:
    question_id: str
    topics: Sequence[str]


@dataclass(frozen=True)
class Recommendation:
    weakest_topic: str | None
    practise_topic: str | None  # the weakest topic that still has a problem to practise (rule 3)
    question_id: str | None


def topics_weakest_first(interviews: Iterable[PastInterview]) -> list[str]:
    """Every topic the candidate has met, weakest first (rule 2)."""
    by_topic: dict[str, list[PastInterview]] = {}
    for interview in sorted(interviews, key=lambda i: i.started_at, reverse=True):
        for topic in interview.topics:
            by_topic.setdefault(topic, []).append(interview)

    def weakness(topic: str) -> tuple:
        recent = by_topic[topic][:RECENT_INTERVIEWS]
        return (fmean(i.score for i in recent), sum(i.solved for i in recent), recent[0].started_at, topic)

    return sorted(by_topic, key=weakness)


def recommend(interviews: Sequence[PastInterview], catalogue: Iterable[CatalogueEntry], now: datetime) -> Recommendation:
    """The weakest topic and the problem to practise it on (rules 1–3); both None without history."""
    catalogue = list(catalogue)
    cooldown_start = now - timedelta(days=SOLVED_COOLDOWN_DAYS)
    recently_solved = {i.question_id for i in interviews if i.solved and i.started_at >= cooldown_start}
    last_tried: dict[str, datetime] = {}
    for interview in interviews:
        if interview.question_id:
            previous = last_tried.get(interview.question_id, interview.started_at)
            last_tried[interview.question_id] = max(interview.started_at, previous)
    topics = topics_weakest_first(interviews)
    for topic in topics:
        choices = [p for p in catalogue if topic in p.topics and p.question_id not in recently_solved]
        if choices:
            pick = min(choices, key=lambda p: (p.question_id in last_tried, last_tried.get(p.question_id, now), p.question_id))
            return Recommendation(weakest_topic=topics[0], practise_topic=topic, question_id=pick.question_id)
    return Recommendation(weakest_topic=topics[0] if topics else None, practise_topic=None, question_id=None)
