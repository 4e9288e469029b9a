package main

import "sort"

func anagramTagGroups(tags []string) [][]string {
	groupOf := map[string]int{} // sorted letters -> index of its group
	groups := [][]string{}
	for _, tag := range tags {
		letters := []byte(tag)
		sort.Slice(letters, func(a, b int) bool { return letters[a] < letters[b] })
		key := string(letters)
		if idx, ok := groupOf[key]; ok {
			groups[idx] = append(groups[idx], tag)
		} else {
			groupOf[key] = len(groups)
			groups = append(groups, []string{tag})
		}
	}
	return groups
}
