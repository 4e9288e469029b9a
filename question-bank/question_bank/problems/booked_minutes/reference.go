package main

import "sort"

func bookedMinutes(bookings [][]int) int {
	sort.Slice(bookings, func(i, j int) bool { return bookings[i][0] < bookings[j][0] })
	total := 0
	blockStart, blockEnd := 0, -1 // blockEnd < 0 means "no open block"
	for _, b := range bookings {
		if blockEnd < 0 || b[0] > blockEnd {
			if blockEnd >= 0 {
				total += blockEnd - blockStart
			}
			blockStart, blockEnd = b[0], b[1]
		} else if b[1] > blockEnd {
			blockEnd = b[1]
		}
	}
	if blockEnd >= 0 {
		total += blockEnd - blockStart
	}
	return total
}
