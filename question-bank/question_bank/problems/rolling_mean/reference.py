from collections import deque


class RollingMean:
    def __init__(self, window: int):
        self.window = window
        self.readings: deque[int] = deque()
        self.total = 0  # sum of the readings currently in the window

    def record(self, reading: int) -> float:
        self.readings.append(reading)
        self.total += reading
        if len(self.readings) > self.window:
            self.total -= self.readings.popleft()
        return self.total / len(self.readings)

    def current(self) -> float:
        return self.total / len(self.readings) if self.readings else 0.0
