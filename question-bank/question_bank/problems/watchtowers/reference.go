package main

func watchtowers(n int, swamps [][]int) int {
	swampMask := make([]int, n) // per row, the columns that cannot hold a tower
	for _, cell := range swamps {
		swampMask[cell[0]] |= 1 << cell[1]
	}
	full := 1<<n - 1
	// cols / downRight / downLeft: columns this row cannot use because of earlier towers
	var place func(row, cols, downRight, downLeft int) int
	place = func(row, cols, downRight, downLeft int) int {
		if row == n {
			return 1
		}
		ways := 0
		free := full &^ (cols | downRight | downLeft | swampMask[row])
		for free != 0 {
			bit := free & -free // lowest free column
			free ^= bit
			ways += place(row+1, cols|bit, ((downRight|bit)<<1)&full, (downLeft|bit)>>1)
		}
		return ways
	}
	return place(0, 0, 0, 0)
}
