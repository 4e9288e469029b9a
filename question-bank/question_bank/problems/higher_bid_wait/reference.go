package main

func higherBidWait(bids []int) []int {
	wait := make([]int, len(bids))
	waiting := []int{} // minutes without a higher bid yet
	for i, bid := range bids {
		for len(waiting) > 0 && bids[waiting[len(waiting)-1]] < bid {
			j := waiting[len(waiting)-1]
			waiting = waiting[:len(waiting)-1]
			wait[j] = i - j
		}
		waiting = append(waiting, i)
	}
	return wait
}
