package main

func largestBillboard(heights []int) int64 {
	var best int64
	rising := []int{} // indices with increasing heights, each waiting for a lower building
	n := len(heights)
	for i := 0; i <= n; i++ {
		height := 0 // sentinel flushes the stack
		if i < n {
			height = heights[i]
		}
		for len(rising) > 0 && heights[rising[len(rising)-1]] >= height {
			top := rising[len(rising)-1]
			rising = rising[:len(rising)-1]
			left := -1
			if len(rising) > 0 {
				left = rising[len(rising)-1]
			}
			if area := int64(heights[top]) * int64(i-left-1); area > best {
				best = area
			}
		}
		rising = append(rising, i)
	}
	return best
}
