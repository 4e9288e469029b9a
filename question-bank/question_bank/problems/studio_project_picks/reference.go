package main

import (
	"container/heap"
	"sort"
)

type profitMaxHeap []int

func (h profitMaxHeap) Len() int            { return len(h) }
func (h profitMaxHeap) Less(i, j int) bool  { return h[i] > h[j] }
func (h profitMaxHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *profitMaxHeap) Push(x interface{}) { *h = append(*h, x.(int)) }
func (h *profitMaxHeap) Pop() interface{} {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func finalFunds(k int, funds int, profit []int, required []int) int64 {
	n := len(profit)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return required[order[a]] < required[order[b]] })
	affordable := &profitMaxHeap{}
	money := int64(funds)
	next := 0
	for round := 0; round < k; round++ {
		for next < n && int64(required[order[next]]) <= money {
			heap.Push(affordable, profit[order[next]])
			next++
		}
		if affordable.Len() == 0 {
			break
		}
		money += int64(heap.Pop(affordable).(int))
	}
	return money
}
