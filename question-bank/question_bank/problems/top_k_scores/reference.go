package main

import (
	"container/heap"
	"sort"
)

type minHeap []int

func (h minHeap) Len() int            { return len(h) }
func (h minHeap) Less(i, j int) bool  { return h[i] < h[j] }
func (h minHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x interface{}) { *h = append(*h, x.(int)) }
func (h *minHeap) Pop() interface{} {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func topKScores(scores []int, k int) []int {
	h := &minHeap{}
	for _, s := range scores {
		if h.Len() < k {
			heap.Push(h, s)
		} else if s > (*h)[0] {
			(*h)[0] = s
			heap.Fix(h, 0)
		}
	}
	result := append([]int{}, *h...)
	sort.Sort(sort.Reverse(sort.IntSlice(result)))
	return result
}
