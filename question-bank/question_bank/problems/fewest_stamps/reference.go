package main

func fewestStamps(stamps []int, postage int) int {
	unreachable := postage + 1 // more stamps than any real answer could need
	best := make([]int, postage+1) // best[a]: fewest stamps for exactly a
	for a := 1; a <= postage; a++ {
		best[a] = unreachable
		for _, stamp := range stamps {
			if stamp <= a && best[a-stamp]+1 < best[a] {
				best[a] = best[a-stamp] + 1
			}
		}
	}
	if best[postage] < unreachable {
		return best[postage]
	}
	return -1
}
