def largest_billboard(heights: list[int]) -> int:
    best = 0
    rising: list[int] = []  # indices whose heights increase; each waits for a lower building
    for i, height in enumerate(heights + [0]):  # the sentinel 0 flushes the stack at the end
        while rising and heights[rising[-1]] >= height:
            top = rising.pop()
            left = rising[-1] if rising else -1  # nearest lower building on the left
            best = max(best, heights[top] * (i - left - 1))
        rising.append(i)
    return best
