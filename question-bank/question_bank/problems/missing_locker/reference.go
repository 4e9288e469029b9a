package main

func missingLocker(keys []int) int {
	n := len(keys)
	total := n * (n + 1) / 2 // Go's int is 64-bit here
	for _, key := range keys {
		total -= key
	}
	return total
}
