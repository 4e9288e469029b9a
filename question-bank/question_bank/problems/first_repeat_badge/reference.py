def first_repeat_badge(badges: list[int]) -> int:
    seen: set[int] = set()
    for badge in badges:
        if badge in seen:
            return badge
        seen.add(badge)
    return -1
