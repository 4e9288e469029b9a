from collections import defaultdict


def anagram_tag_groups(tags: list[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for tag in tags:
        groups["".join(sorted(tag))].append(tag)  # all rearrangements share their sorted letters
    return list(groups.values())
