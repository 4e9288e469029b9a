package main

func longestDistinctStreak(flavours []int) int {
	lastIndex := make(map[int]int, len(flavours))
	left, best := 0, 0
	for right, flavour := range flavours {
		if previous, ok := lastIndex[flavour]; ok && previous >= left {
			left = previous + 1 // the repeat is inside the window
		}
		lastIndex[flavour] = right
		if right-left+1 > best {
			best = right - left + 1
		}
	}
	return best
}
