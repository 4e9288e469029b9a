package main

import "math"

func tripleProduct(ratings []int) int64 {
	// The winner is either the three largest, or the two most negative times the largest.
	var max1, max2, max3 int64 = math.MinInt64, math.MinInt64, math.MinInt64 // max1 >= max2 >= max3
	var min1, min2 int64 = math.MaxInt64, math.MaxInt64                    // min1 <= min2
	for _, value := range ratings {
		r := int64(value)
		if r > max1 {
			max1, max2, max3 = r, max1, max2
		} else if r > max2 {
			max2, max3 = r, max2
		} else if r > max3 {
			max3 = r
		}
		if r < min1 {
			min1, min2 = r, min1
		} else if r < min2 {
			min2 = r
		}
	}
	a, b := max1*max2*max3, min1*min2*max1
	if a > b {
		return a
	}
	return b
}
