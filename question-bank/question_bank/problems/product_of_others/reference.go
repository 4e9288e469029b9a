package main

func productOfOthers(cards []int) []int {
	n := len(cards)
	score := make([]int, n)
	left := 1
	for i := 0; i < n; i++ { // product of cards before i
		score[i] = left
		left *= cards[i]
	}
	right := 1
	for i := n - 1; i >= 0; i-- { // times product of cards after i
		score[i] *= right
		right *= cards[i]
	}
	return score
}
