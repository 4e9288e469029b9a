package main

func firstRepeatBadge(badges []int) int {
	seen := make(map[int]struct{}, len(badges))
	for _, badge := range badges {
		if _, ok := seen[badge]; ok {
			return badge
		}
		seen[badge] = struct{}{}
	}
	return -1
}
