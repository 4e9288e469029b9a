package main

import "sort"

func zeroSumTrios(entries []int) [][]int {
	values := append([]int(nil), entries...)
	sort.Ints(values)
	n := len(values)
	trios := [][]int{}
	for i := 0; i+2 < n; i++ {
		if values[i] > 0 {
			break
		}
		if i > 0 && values[i] == values[i-1] {
			continue // same first value: same trios
		}
		lo, hi := i+1, n-1
		for lo < hi {
			total := values[i] + values[lo] + values[hi]
			switch {
			case total < 0:
				lo++
			case total > 0:
				hi--
			default:
				trios = append(trios, []int{values[i], values[lo], values[hi]})
				lo++
				for lo < hi && values[lo] == values[lo-1] {
					lo++
				}
				hi--
			}
		}
	}
	return trios
}
