package main

import "math"

func droneRoute(cost [][]int) int {
	n := len(cost)
	if n == 1 {
		return 0
	}
	others := n - 1 // checkpoints 1..n-1 are bits 0..n-2 of a mask
	full := 1<<others - 1
	const inf = math.MaxInt64 / 4
	// best[mask][j]: cheapest flight from the pad over exactly `mask`, ending at checkpoint j + 1
	best := make([][]int, full+1)
	for mask := range best {
		best[mask] = make([]int, others)
		for j := range best[mask] {
			best[mask][j] = inf
		}
	}
	for j := 0; j < others; j++ {
		best[1<<j][j] = cost[0][j+1]
	}
	for mask := 1; mask <= full; mask++ {
		for j := 0; j < others; j++ {
			here := best[mask][j]
			if here == inf {
				continue
			}
			for k := 0; k < others; k++ {
				if mask&(1<<k) != 0 {
					continue
				}
				next := mask | 1<<k
				if candidate := here + cost[j+1][k+1]; candidate < best[next][k] {
					best[next][k] = candidate
				}
			}
		}
	}
	answer := inf
	for j := 0; j < others; j++ {
		if total := best[full][j] + cost[j+1][0]; total < answer {
			answer = total
		}
	}
	return answer
}
