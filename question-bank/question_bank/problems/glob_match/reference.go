package main

func globMatch(text string, pattern string) bool {
	n := len(text)
	// prev[i]: does text[:i] match the pattern prefix handled so far (initially the empty pattern)?
	prev, cur := make([]bool, n+1), make([]bool, n+1)
	prev[0] = true
	for j := 0; j < len(pattern); j++ {
		p := pattern[j]
		if p == '*' {
			cur[0] = prev[0]
			for i := 1; i <= n; i++ {
				cur[i] = prev[i] || cur[i-1] // nothing, or one more char
			}
		} else {
			cur[0] = false
			for i := 1; i <= n; i++ {
				cur[i] = prev[i-1] && (p == '?' || p == text[i-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[n]
}
