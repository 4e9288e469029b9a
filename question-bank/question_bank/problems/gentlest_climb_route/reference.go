package main

import "sort"

func gentlestSteepestGrade(n int, roads [][]int, source int, target int) int {
	if source == target {
		return 0
	}
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		root := x
		for parent[root] != root {
			root = parent[root]
		}
		for parent[x] != root { // path compression
			parent[x], x = root, parent[x]
		}
		return root
	}
	sorted := append([][]int{}, roads...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i][2] < sorted[j][2] })
	for _, road := range sorted {
		ra, rb := find(road[0]), find(road[1])
		if ra != rb {
			parent[ra] = rb
			if find(source) == find(target) {
				return road[2]
			}
		}
	}
	return -1
}
