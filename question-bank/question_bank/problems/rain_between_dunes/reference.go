package main

func rainBetweenDunes(dunes []int) int64 {
	lo, hi := 0, len(dunes)-1
	leftMax, rightMax := 0, 0
	var water int64
	for lo < hi {
		if dunes[lo] < dunes[hi] { // the lower side is bounded by its own running maximum
			if dunes[lo] > leftMax {
				leftMax = dunes[lo]
			}
			water += int64(leftMax - dunes[lo])
			lo++
		} else {
			if dunes[hi] > rightMax {
				rightMax = dunes[hi]
			}
			water += int64(rightMax - dunes[hi])
			hi--
		}
	}
	return water
}
