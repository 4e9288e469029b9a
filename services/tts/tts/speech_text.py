"""Turn an interviewer's chat text into what should be spoken aloud (first cut)."""

import re


def speakable_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
