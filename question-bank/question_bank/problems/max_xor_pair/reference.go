package main

func maxXorPair(codes []int) int {
	// Decide the answer bit by bit from the top, keeping the largest prefix still achievable.
	answer := 0
	for bit := 30; bit >= 0; bit-- {
		prefixes := make(map[int]bool, len(codes))
		for _, code := range codes {
			prefixes[code>>bit] = true
		}
		want := answer<<1 | 1
		found := false
		for p := range prefixes {
			if prefixes[p^want] { // a ^ b == want <=> a ^ want == b
				found = true
				break
			}
		}
		if found {
			answer = want
		} else {
			answer <<= 1
		}
	}
	return answer
}
