package main

func canReach(n int, doors [][]int, start int, goal int) bool {
	neighbours := make([][]int, n)
	for _, d := range doors {
		neighbours[d[0]] = append(neighbours[d[0]], d[1])
		neighbours[d[1]] = append(neighbours[d[1]], d[0])
	}
	visited := make([]bool, n)
	visited[start] = true
	queue := []int{start}
	for head := 0; head < len(queue); head++ {
		room := queue[head]
		if room == goal {
			return true
		}
		for _, next := range neighbours[room] {
			if !visited[next] {
				visited[next] = true
				queue = append(queue, next)
			}
		}
	}
	return false
}
