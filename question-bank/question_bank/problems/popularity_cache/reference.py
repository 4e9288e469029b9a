from collections import OrderedDict


class PopularityCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.entries: dict[int, list[int]] = {}  # key -> [value, use count]
        self.by_count: dict[int, OrderedDict[int, None]] = {}  # count -> keys, least recently used first
        self.min_count = 0

    def _use(self, key: int) -> None:
        entry = self.entries[key]
        group = self.by_count[entry[1]]
        del group[key]
        if not group:
            del self.by_count[entry[1]]
            if self.min_count == entry[1]:
                self.min_count += 1
        entry[1] += 1
        self.by_count.setdefault(entry[1], OrderedDict())[key] = None

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
            group = self.by_count[self.min_count]
            victim, _ = group.popitem(last=False)  # oldest among the least used
            if not group:
                del self.by_count[self.min_count]
            del self.entries[victim]
        self.entries[key] = [value, 1]
        self.by_count.setdefault(1, OrderedDict())[key] = None
        self.min_count = 1
