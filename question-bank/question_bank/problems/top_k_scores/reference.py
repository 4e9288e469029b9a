import heapq


def top_k_scores(scores, k):
    heap = []  # min-heap of the best k so far
    for score in scores:
        if len(heap) < k:
            heapq.heappush(heap, score)
        elif score > heap[0]:
            heapq.heapreplace(heap, score)
    return sorted(heap, reverse=True)
