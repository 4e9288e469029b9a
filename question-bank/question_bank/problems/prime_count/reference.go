package main

func primeCount(n int) int {
	if n < 3 {
		return 0
	}
	composite := make([]bool, n)
	count := 0
	for p := 2; p < n; p++ {
		if composite[p] {
			continue
		}
		count++
		// smaller multiples of p were already crossed off by smaller primes
		for m := p * p; m < n; m += p {
			composite[m] = true
		}
	}
	return count
}
