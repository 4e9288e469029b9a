package main

func uniqueLockCodes(digits []int) [][]int {
	var remaining [10]int // digit value -> presses still to place
	for _, d := range digits {
		remaining[d]++
	}
	codes := [][]int{}
	code := make([]int, 0, len(digits))
	var place func()
	place = func() {
		if len(code) == len(digits) {
			codes = append(codes, append([]int{}, code...))
			return
		}
		for value := 0; value < 10; value++ { // each distinct value once per position
			if remaining[value] == 0 {
				continue
			}
			remaining[value]--
			code = append(code, value)
			place()
			code = code[:len(code)-1]
			remaining[value]++
		}
	}
	place()
	return codes
}
