package main

func lampPatterns(n int, maxOn int) []string {
	patterns := []string{}
	current := make([]byte, 0, n)
	var place func(prevOn bool, used int)
	place = func(prevOn bool, used int) {
		if len(current) == n {
			patterns = append(patterns, string(current))
			return
		}
		current = append(current, '0')
		place(false, used)
		current = current[:len(current)-1]
		if !prevOn && used < maxOn { // only prefixes that can still become valid
			current = append(current, '1')
			place(true, used+1)
			current = current[:len(current)-1]
		}
	}
	place(false, 0)
	return patterns
}
