package main

func odometerAdd(digits []int, miles int) []int {
	// Column addition from the right; the remaining miles ride along in the carry.
	result := append([]int{}, digits...)
	carry := miles
	for i := len(result) - 1; i >= 0 && carry > 0; i-- {
		total := result[i] + carry
		result[i] = total % 10
		carry = total / 10
	}
	head := []int{}
	for carry > 0 {
		head = append([]int{carry % 10}, head...)
		carry /= 10
	}
	return append(head, result...)
}
