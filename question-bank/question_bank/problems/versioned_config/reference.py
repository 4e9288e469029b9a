from bisect import bisect_right


class ConfigHistory:
    def __init__(self):
        # key -> parallel lists of set-timestamps (increasing) and values
        self.times: dict[str, list[int]] = {}
        self.values: dict[str, list[str]] = {}

    def set(self, key: str, value: str, timestamp: int) -> None:
        self.times.setdefault(key, []).append(timestamp)
        self.values.setdefault(key, []).append(value)

    def get(self, key: str, timestamp: int) -> str:
        times = self.times.get(key)
        if not times:
            return ""
        i = bisect_right(times, timestamp)  # number of versions at or before `timestamp`
        return self.values[key][i - 1] if i else ""
