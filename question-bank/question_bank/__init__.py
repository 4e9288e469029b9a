"""MockMind question bank: interview problems, their tests and reference solutions."""

from .bank import NoQuestionAvailable, ProblemError, QuestionBank, default_bank

__all__ = ["NoQuestionAvailable", "ProblemError", "QuestionBank", "default_bank"]
