package main

import "sort"

func vendingCombinations(coins []int, price int) [][]int {
	values := append([]int{}, coins...)
	sort.Ints(values)
	collections := [][]int{}
	chosen := []int{}
	var pick func(start, remaining int)
	pick = func(start, remaining int) {
		if remaining == 0 {
			collections = append(collections, append([]int{}, chosen...))
			return
		}
		for i := start; i < len(values); i++ {
			if values[i] > remaining {
				break // sorted: every later coin is too big as well
			}
			chosen = append(chosen, values[i])
			pick(i, remaining-values[i]) // i, not i + 1: the same coin may be used again
			chosen = chosen[:len(chosen)-1]
		}
	}
	pick(0, price)
	return collections
}
