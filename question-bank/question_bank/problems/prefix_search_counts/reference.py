def prefix_counts(titles, prefixes):
    # Trie as a list of dicts; passing[i] = how many titles go through node i.
    children = [{}]
    passing = [0]
    for title in titles:
        node = 0
        passing[0] += 1
        for letter in title:
            nxt = children[node].get(letter)
            if nxt is None:
                nxt = len(children)
                children[node][letter] = nxt
                children.append({})
                passing.append(0)
            node = nxt
            passing[node] += 1
    answers = []
    for prefix in prefixes:
        node = 0
        for letter in prefix:
            node = children[node].get(letter)
            if node is None:
                break
        answers.append(0 if node is None else passing[node])
    return answers
