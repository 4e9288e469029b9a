package main

import "sort"

// Sweep sorted arrivals against sorted departures; a departure at t frees a berth before an arrival at t.
func berthsNeeded(visits [][]int) int {
	arrivals := make([]int, len(visits))
	departures := make([]int, len(visits))
	for i, v := range visits {
		arrivals[i], departures[i] = v[0], v[1]
	}
	sort.Ints(arrivals)
	sort.Ints(departures)
	docked, most, j := 0, 0, 0
	for _, arrive := range arrivals {
		for departures[j] <= arrive {
			docked--
			j++
		}
		docked++
		if docked > most {
			most = docked
		}
	}
	return most
}
