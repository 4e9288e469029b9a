package main

func countSlicks(photo []string) int {
	rows := len(photo)
	cols := 0
	if rows > 0 {
		cols = len(photo[0])
	}
	seen := make([]bool, rows*cols)
	dy := []int{1, -1, 0, 0}
	dx := []int{0, 0, 1, -1}
	slicks := 0
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			if photo[r][c] != '#' || seen[r*cols+c] {
				continue
			}
			slicks++
			seen[r*cols+c] = true
			stack := [][2]int{{r, c}}
			for len(stack) > 0 {
				cell := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				for d := 0; d < 4; d++ {
					ny, nx := cell[0]+dy[d], cell[1]+dx[d]
					if ny >= 0 && ny < rows && nx >= 0 && nx < cols && photo[ny][nx] == '#' && !seen[ny*cols+nx] {
						seen[ny*cols+nx] = true
						stack = append(stack, [2]int{ny, nx})
					}
				}
			}
		}
	}
	return slicks
}
