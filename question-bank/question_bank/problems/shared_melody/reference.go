package main

func sharedMelody(tuneA string, tuneB string) int {
	// prev[j] / cur[j]: longest shared melody of tuneA[:i-1] / tuneA[:i] and tuneB[:j].
	m := len(tuneB)
	prev, cur := make([]int, m+1), make([]int, m+1)
	for i := 1; i <= len(tuneA); i++ {
		for j := 1; j <= m; j++ {
			if tuneA[i-1] == tuneB[j-1] {
				cur[j] = prev[j-1] + 1
			} else if prev[j] > cur[j-1] {
				cur[j] = prev[j]
			} else {
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[m]
}
