import sys


def shared_melody(tune_a: str, tune_b: str) -> int:
    """The recurrence without memoisation: exponential."""
    sys.setrecursionlimit(10_000)

    def best(i: int, j: int) -> int:
        if i == len(tune_a) or j == len(tune_b):
            return 0
        if tune_a[i] == tune_b[j]:
            return 1 + best(i + 1, j + 1)
        return max(best(i + 1, j), best(i, j + 1))

    return best(0, 0)
