def shelf_height_counts(heights, queries):
    # Count every box for every query: O(n * q).
    answers = []
    for q in queries:
        count = 0
        for h in heights:
            if h <= q:
                count += 1
        answers.append(count)
    return answers
