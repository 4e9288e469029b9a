package main

import (
	"container/heap"
	"sort"
)

// waitingJobs is a min-heap of job indices ordered by (duration, index).
type waitingJobs struct {
	idx  []int
	jobs [][]int
}

func (w waitingJobs) Len() int { return len(w.idx) }
func (w waitingJobs) Less(a, b int) bool {
	x, y := w.idx[a], w.idx[b]
	if w.jobs[x][1] != w.jobs[y][1] {
		return w.jobs[x][1] < w.jobs[y][1]
	}
	return x < y
}
func (w waitingJobs) Swap(a, b int)       { w.idx[a], w.idx[b] = w.idx[b], w.idx[a] }
func (w *waitingJobs) Push(x interface{}) { w.idx = append(w.idx, x.(int)) }
func (w *waitingJobs) Pop() interface{} {
	last := w.idx[len(w.idx)-1]
	w.idx = w.idx[:len(w.idx)-1]
	return last
}

func pressOrder(jobs [][]int) []int {
	n := len(jobs)
	byArrival := make([]int, n)
	for i := range byArrival {
		byArrival[i] = i
	}
	sort.SliceStable(byArrival, func(a, b int) bool { return jobs[byArrival[a]][0] < jobs[byArrival[b]][0] })
	waiting := &waitingJobs{jobs: jobs}
	order := make([]int, 0, n)
	var time int64
	next := 0
	for len(order) < n {
		if waiting.Len() == 0 && time < int64(jobs[byArrival[next]][0]) {
			time = int64(jobs[byArrival[next]][0])
		}
		for next < n && int64(jobs[byArrival[next]][0]) <= time {
			heap.Push(waiting, byArrival[next])
			next++
		}
		i := heap.Pop(waiting).(int)
		order = append(order, i)
		time += int64(jobs[i][1])
	}
	return order
}
