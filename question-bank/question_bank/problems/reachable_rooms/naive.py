# Sweeps every door until nothing new is reached: O(n * m) on a long corridor.
def can_reach(n, doors, start, goal):
    reached = {start}
    changed = True
    while changed and goal not in reached:
        changed = False
        for a, b in doors:
            if (a in reached) != (b in reached):
                reached.update((a, b))
                changed = True
    return goal in reached
