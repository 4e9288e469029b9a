package main

func fewestLamps(n int, reach []int) int {
	// far[p] = furthest right end of any lamp whose lit stretch starts at or before p (clamped to 0).
	far := make([]int, n+1)
	for i, r := range reach {
		if r > 0 {
			start, end := i-r, i+r
			if start < 0 {
				start = 0
			}
			if end > n {
				end = n
			}
			if end > far[start] {
				far[start] = end
			}
		}
	}
	lamps, litUntil, best := 0, 0, 0
	for p := 0; p < n; p++ {
		if far[p] > best {
			best = far[p]
		}
		if p == litUntil {
			if best <= p {
				return -1
			}
			lamps++
			litUntil = best
		}
	}
	return lamps
}
