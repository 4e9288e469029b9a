# Takes the maximum k times with a linear scan: O(n * k).
def top_k_scores(scores, k):
    remaining = list(scores)
    result = []
    for _ in range(k):
        best = 0
        for i in range(1, len(remaining)):
            if remaining[i] > remaining[best]:
                best = i
        result.append(remaining.pop(best))
    return result
