package main

func balancedBracketsLint(s string) bool {
	partner := map[byte]byte{')': '(', ']': '[', '}': '{', '>': '<'}
	open := []byte{}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch ch {
		case '(', '[', '{', '<':
			open = append(open, ch)
		case ')', ']', '}', '>':
			if len(open) == 0 || open[len(open)-1] != partner[ch] {
				return false
			}
			open = open[:len(open)-1]
		}
	}
	return len(open) == 0
}
