package main

func isAlnumByte(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

func readablePalindrome(s string) bool {
	i, j := 0, len(s)-1
	for i < j {
		switch {
		case !isAlnumByte(s[i]):
			i++
		case !isAlnumByte(s[j]):
			j--
		case lowerByte(s[i]) != lowerByte(s[j]):
			return false
		default:
			i++
			j--
		}
	}
	return true
}
