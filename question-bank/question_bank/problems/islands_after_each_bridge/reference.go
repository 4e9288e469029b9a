package main

func regionsAfterEach(n int, bridges [][]int) []int {
	parent := make([]int, n)
	size := make([]int, n)
	for i := range parent {
		parent[i] = i
		size[i] = 1
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
	regions := n
	counts := make([]int, 0, len(bridges))
	for _, b := range bridges {
		ra, rb := find(b[0]), find(b[1])
		if ra != rb {
			if size[ra] < size[rb] {
				ra, rb = rb, ra
			}
			parent[rb] = ra
			size[ra] += size[rb]
			regions--
		}
		counts = append(counts, regions)
	}
	return counts
}
