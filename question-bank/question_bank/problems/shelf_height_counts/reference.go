package main

import "sort"

func shelfHeightCounts(heights []int, queries []int) []int {
	answers := make([]int, len(queries))
	for k, gap := range queries {
		// First index whose height is greater than the gap.
		answers[k] = sort.Search(len(heights), func(i int) bool { return heights[i] > gap })
	}
	return answers
}
