package main

func ticketPairBudget(prices []int, budget int) []int {
	seen := make(map[int]int, len(prices)) // price -> index of an earlier ticket with that price
	for j, price := range prices {
		if partner, ok := seen[budget-price]; ok {
			return []int{partner, j}
		}
		seen[price] = j
	}
	return []int{}
}
