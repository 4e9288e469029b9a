package main

import "sort"

func kthSmallestGap(readings []int, k int) int {
	values := append([]int(nil), readings...)
	sort.Ints(values)
	n := len(values)
	gapsAtMost := func(limit int) int {
		count, left := 0, 0
		for right := 0; right < n; right++ {
			for values[right]-values[left] > limit {
				left++
			}
			count += right - left
		}
		return count
	}
	lo, hi := 0, values[n-1]-values[0]
	for lo < hi { // smallest gap g with at least k gaps <= g
		mid := (lo + hi) / 2
		if gapsAtMost(mid) >= k {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
