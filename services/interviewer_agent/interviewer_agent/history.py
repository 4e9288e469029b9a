"""The model's view of the conversation, rebuilt from the stored transcript for every turn.

Transcript rows keep the exact Converse message(s) in `extra["converse"]` when there are any (an
interviewer turn's replies, tool uses and tool results; the candidate's non-verbal actions); plain candidate and
interviewer rows map to `user` and `assistant` text. The result is made valid for Converse: it starts
with a user message, roles alternate, every toolUse has its toolResult, and it is bounded in length.
"""

from typing import Any

from .providers.base import Message

MAX_HISTORY_MESSAGES = 40


def rebuild(rows: list[Any], max_messages: int = MAX_HISTORY_MESSAGES) -> list[Message]:
    """`rows` are transcript rows (role, content, extra), oldest first."""
    messages = []
    for row in rows:
        converse = (row.extra or {}).get("converse")
        if converse:
            messages += converse if isinstance(converse, list) else [converse]
        elif row.role == "candidate" and row.content:
            messages.append({"role": "user", "content": [{"text": row.content}]})
        elif row.role == "interviewer" and row.content:
            messages.append({"role": "assistant", "content": [{"text": row.content}]})
    return bounded(messages, max_messages)


def bounded(messages: list[Message], max_messages: int = MAX_HISTORY_MESSAGES) -> list[Message]:
    messages = merge_same_roles(drop_unanswered_tool_uses(messages))
    messages = messages[-max_messages:]
    # Start on a user message that is the candidate's, not a tool result whose tool use was cut off.
    while messages and (messages[0]["role"] != "user" or _has(messages[0], "toolResult")):
        messages = messages[1:]
    return messages


def merge_same_roles(messages: list[Message]) -> list[Message]:
    merged: list[Message] = []
    for message in messages:
        if merged and merged[-1]["role"] == message["role"]:
            merged[-1] = {"role": message["role"], "content": [*merged[-1]["content"], *message["content"]]}
        else:
            merged.append({"role": message["role"], "content": list(message["content"])})
    return merged


def drop_unanswered_tool_uses(messages: list[Message]) -> list[Message]:
    """Remove toolUse blocks with no toolResult right after, and toolResults with no toolUse right before."""
    cleaned = []
    for i, message in enumerate(messages):
        content = message["content"]
        if message["role"] == "assistant":
            answered = _result_ids(messages[i + 1]) if i + 1 < len(messages) else set()
            content = [b for b in content if "toolUse" not in b or b["toolUse"]["toolUseId"] in answered]
        elif _has(message, "toolResult"):
            asked = _use_ids(messages[i - 1]) if i > 0 else set()
            content = [b for b in content if "toolResult" not in b or b["toolResult"]["toolUseId"] in asked]
        if content:
            cleaned.append({"role": message["role"], "content": content})
    return cleaned


def _has(message: Message, kind: str) -> bool:
    return any(kind in block for block in message["content"])


def _use_ids(message: Message) -> set[str]:
    return {b["toolUse"]["toolUseId"] for b in message["content"] if "toolUse" in b}


def _result_ids(message: Message) -> set[str]:
    return {b["toolResult"]["toolUseId"] for b in message["content"] if "toolResult" in b}
