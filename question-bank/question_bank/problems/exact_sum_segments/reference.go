package main

func exactSumSegments(changes []int, k int) int64 {
	prefixCounts := map[int]int64{0: 1} // the empty prefix: stretches that start on day 0
	total := 0
	var stretches int64
	for _, change := range changes {
		total += change
		stretches += prefixCounts[total-k]
		prefixCounts[total]++
	}
	return stretches
}
