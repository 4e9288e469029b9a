def anagram_tag_groups(tags):
    # Compare each tag with the first tag of every existing group: O(n * groups * k).
    groups = []
    for tag in tags:
        for group in groups:
            first = group[0]
            if len(first) == len(tag) and all(first.count(c) == tag.count(c) for c in set(tag)):
                group.append(tag)
                break
        else:
            groups.append([tag])
    return groups
