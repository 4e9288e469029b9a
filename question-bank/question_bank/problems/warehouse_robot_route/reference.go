package main

func fewestMoves(floor []string) int {
	rows, cols := len(floor), len(floor[0])
	dist := make([]int, rows*cols)
	queue := []int{}
	for i := range dist {
		dist[i] = -1
	}
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			if floor[r][c] == 'S' {
				dist[r*cols+c] = 0
				queue = append(queue, r*cols+c)
			}
		}
	}
	dr := []int{1, -1, 0, 0}
	dc := []int{0, 0, 1, -1}
	for head := 0; head < len(queue); head++ {
		cell := queue[head]
		r, c := cell/cols, cell%cols
		if floor[r][c] == 'E' {
			return dist[cell]
		}
		for d := 0; d < 4; d++ {
			nr, nc := r+dr[d], c+dc[d]
			if nr >= 0 && nr < rows && nc >= 0 && nc < cols && floor[nr][nc] != '#' && dist[nr*cols+nc] < 0 {
				dist[nr*cols+nc] = dist[cell] + 1 // mark on push so each cell is queued once
				queue = append(queue, nr*cols+nc)
			}
		}
	}
	return -1
}
