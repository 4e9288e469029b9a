package main

func berryPicking(berries []int) int {
	// skip: best total without the previous bush; take: best total up to the previous bush.
	skip, take := 0, 0
	for _, count := range berries {
		next := take
		if skip+count > next {
			next = skip + count
		}
		skip, take = take, next
	}
	return take
}
