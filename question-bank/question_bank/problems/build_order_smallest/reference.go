package main

import "container/heap"

type intMinHeap []int

func (h intMinHeap) Len() int            { return len(h) }
func (h intMinHeap) Less(i, j int) bool  { return h[i] < h[j] }
func (h intMinHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *intMinHeap) Push(x interface{}) { *h = append(*h, x.(int)) }
func (h *intMinHeap) Pop() interface{} {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func buildOrder(n int, deps [][]int) []int {
	dependents := make([][]int, n)
	missing := make([]int, n) // unbuilt dependencies per package
	for _, d := range deps {
		dependents[d[1]] = append(dependents[d[1]], d[0])
		missing[d[0]]++
	}
	ready := &intMinHeap{}
	for p := 0; p < n; p++ {
		if missing[p] == 0 {
			*ready = append(*ready, p)
		}
	}
	heap.Init(ready)
	order := []int{}
	for ready.Len() > 0 {
		p := heap.Pop(ready).(int)
		order = append(order, p)
		for _, d := range dependents[p] {
			missing[d]--
			if missing[d] == 0 {
				heap.Push(ready, d)
			}
		}
	}
	if len(order) != n {
		return []int{}
	}
	return order
}
