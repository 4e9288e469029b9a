package main

func lostSock(ids []int) int {
	// x ^ x == 0, so every pair cancels and only the lonely id survives.
	acc := 0
	for _, sock := range ids {
		acc ^= sock
	}
	return acc
}
