package main

func warehousePaths(floor [][]int) int {
	const mod = 1000000007
	cols := len(floor[0])
	ways := make([]int, cols) // ways[c]: routes reaching (current row, c)
	if floor[0][0] == 0 {
		ways[0] = 1
	}
	for _, row := range floor {
		for c := 0; c < cols; c++ {
			if row[c] == 1 {
				ways[c] = 0
			} else if c > 0 {
				ways[c] = (ways[c] + ways[c-1]) % mod // from above + from the left
			}
		}
	}
	return ways[cols-1]
}
