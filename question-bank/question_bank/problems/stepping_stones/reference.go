package main

func steppingStones(n int, cracked []int) int {
	const mod = 1000000007
	broken := make([]bool, n+1)
	for _, stone := range cracked {
		broken[stone] = true
	}
	twoBack, oneBack := 0, 1 // ways to reach stone i-2 and i-1
	for stone := 1; stone <= n; stone++ {
		here := 0
		if !broken[stone] {
			here = (oneBack + twoBack) % mod
		}
		twoBack, oneBack = oneBack, here
	}
	return oneBack
}
