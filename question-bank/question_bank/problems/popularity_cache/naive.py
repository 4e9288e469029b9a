class PopularityCache:
    """Scan every entry to pick the victim: O(capacity) per eviction."""

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.entries: dict[int, list[int]] = {}  # key -> [value, use count, last use time]
        self.clock = 0

    def _use(self, key: int) -> None:
        self.clock += 1
        self.entries[key][1] += 1
        self.entries[key][2] = self.clock

    def get(self, key: int) -> int:
        if key not in self.entries:
            return -1
        self._use(key)
        return self.entries[key][0]

    def put(self, key: int, value: int) -> None:
        if key in self.entries:
            self.entries[key][0] = value
            self._use(key)
            return
        if len(self.entries) == self.capacity:
            victim = None
            for k, (_, count, last) in self.entries.items():
                if victim is None or (count, last) < victim[0]:
                    victim = ((count, last), k)
            del self.entries[victim[1]]
        self.clock += 1
        self.entries[key] = [value, 1, self.clock]
