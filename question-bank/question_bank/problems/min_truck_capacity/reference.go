package main

func minTruckCapacity(crates []int, days int) int {
	daysNeeded := func(capacity int) int {
		used, load := 1, 0
		for _, weight := range crates {
			if load+weight > capacity { // this crate waits for tomorrow's truck
				used++
				load = 0
			}
			load += weight
		}
		return used
	}
	lo, hi := 0, 0
	for _, weight := range crates {
		if weight > lo {
			lo = weight
		}
		hi += weight
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if daysNeeded(mid) <= days {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
