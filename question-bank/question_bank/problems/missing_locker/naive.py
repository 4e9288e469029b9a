def missing_locker(keys):
    # Check every locker number against the whole list: O(n^2).
    for locker in range(len(keys) + 1):
        found = False
        for key in keys:
            if key == locker:
                found = True
                break
        if not found:
            return locker
    return -1
