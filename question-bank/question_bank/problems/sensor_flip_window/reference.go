package main

func sensorFlipWindow(readings []int, k int) int {
	left, zeros, best := 0, 0, 0
	for right, bit := range readings {
		if bit == 0 {
			zeros++
		}
		for zeros > k { // too many zeros: slide the left edge past one
			if readings[left] == 0 {
				zeros--
			}
			left++
		}
		if right-left+1 > best {
			best = right - left + 1
		}
	}
	return best
}
