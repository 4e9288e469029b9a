class ConfigHistory:
    """Scan a key's whole history on every get: O(k) per call."""

    def __init__(self):
        self.history: dict[str, list[tuple[int, str]]] = {}

    def set(self, key: str, value: str, timestamp: int) -> None:
        self.history.setdefault(key, []).append((timestamp, value))

    def get(self, key: str, timestamp: int) -> str:
        answer = ""
        for ts, value in self.history.get(key, []):
            if ts <= timestamp:
                answer = value
        return answer
