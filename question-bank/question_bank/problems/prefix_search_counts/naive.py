# Compares every prefix with every title: O(titles * prefixes * length).
def prefix_counts(titles, prefixes):
    answers = []
    for prefix in prefixes:
        count = 0
        for title in titles:
            if len(title) >= len(prefix) and all(title[i] == prefix[i] for i in range(len(prefix))):
                count += 1
        answers.append(count)
    return answers
