package main

import "sort"

func mostRepairs(costs []int, budget int) int {
	sorted := append([]int{}, costs...)
	sort.Ints(sorted)
	done := 0
	var spent int64
	for _, cost := range sorted {
		if spent+int64(cost) > int64(budget) {
			break
		}
		spent += int64(cost)
		done++
	}
	return done
}
