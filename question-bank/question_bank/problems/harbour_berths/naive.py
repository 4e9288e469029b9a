# Counts, at every arrival, the boats docked at that moment: O(n^2).
def berths_needed(visits):
    most = 0
    for arrive, _ in visits:
        present = sum(1 for a, leave in visits if a <= arrive < leave)
        most = max(most, present)
    return most
