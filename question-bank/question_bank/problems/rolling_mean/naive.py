class RollingMean:
    """Keep every reading and re-add the window on each call: O(window) per call."""

    def __init__(self, window: int):
        self.window = window
        self.readings: list[int] = []

    def record(self, reading: int) -> float:
        self.readings.append(reading)
        return self.current()

    def current(self) -> float:
        recent = self.readings[-self.window :]
        total = 0
        for r in recent:
            total += r
        return total / len(recent) if recent else 0.0
