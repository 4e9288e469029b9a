"""The problem catalogue a candidate picks from: public data only (never hidden tests, hints or solutions).

    GET /api/problems?difficulty=&topic=&q=  → `ProblemList`
    GET /api/problems/{id}                   → `ProblemSummary`
"""

from starlette.requests import Request
from starlette.responses import JSONResponse

from contracts.events import Difficulty
from contracts.http import HttpError, ProblemList, ProblemSummary
from contracts.questions import Question, Topic

from .http import ApiError, _gateway, api
from .openapi import documented

MAX_QUERY_CHARS = 100
DIFFICULTY_ORDER = {Difficulty.EASY: 0, Difficulty.MEDIUM: 1, Difficulty.HARD: 2}


def problem_summary(question: Question) -> ProblemSummary:
    return ProblemSummary(id=question.id, title=question.title, difficulty=question.difficulty,
                          topics=list(question.topics), statement=question.statement_md)


def matches(question: Question, words: list[str]) -> bool:
    """Every word of the search appears in the title, the id or a topic (case-insensitive)."""
    haystack = " ".join([question.title, question.id, *(t.value for t in question.topics)]).lower()
    return all(word in haystack for word in words)


def _enum(model, value: str | None, name: str):
    if not value:
        return None
    try:
        return model(value)
    except ValueError:
        raise ApiError(422, "invalid_request", f"{name} must be one of {', '.join(m.value for m in model)}") from None


@documented(summary="The problems a candidate can pick, filtered (public data only)", authenticated=False,
            responses={200: ProblemList, 422: HttpError},
            query={"difficulty": ("easy, medium or hard", {"type": "string", "enum": [d.value for d in Difficulty]}),
                   "topic": ("one topic", {"type": "string", "enum": [t.value for t in Topic]}),
                   "q": ("words to find in the title, id or topics", {"type": "string", "maxLength": MAX_QUERY_CHARS})})
@api
async def list_problems(request: Request) -> JSONResponse:
    params = request.query_params
    difficulty = _enum(Difficulty, params.get("difficulty"), "difficulty")
    topic = _enum(Topic, params.get("topic"), "topic")
    query = params.get("q", "")
    if len(query) > MAX_QUERY_CHARS:
        raise ApiError(422, "invalid_request", f"q must be at most {MAX_QUERY_CHARS} characters")
    words = query.lower().split()
    questions = sorted(_gateway(request).bank.questions(difficulty, topic),
                       key=lambda q: (DIFFICULTY_ORDER[q.difficulty], q.title))
    body = ProblemList(problems=[problem_summary(q) for q in questions if matches(q, words)])
    return JSONResponse(body.model_dump(mode="json"))


@documented(summary="One problem (public data only)", authenticated=False, responses={200: ProblemSummary, 404: HttpError})
@api
async def get_problem(request: Request) -> JSONResponse:
    question_id = request.path_params["question_id"]
    bank = _gateway(request).bank
    if question_id not in bank.ids:
        raise ApiError(404, "unknown_problem", f"no problem {question_id!r}")
    return JSONResponse(problem_summary(bank.question(question_id)).model_dump(mode="json"))
