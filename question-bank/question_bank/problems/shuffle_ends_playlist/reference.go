package main

func shuffleEndsPlaylist(head *ListNode) *ListNode {
	if head == nil || head.Next == nil {
		return head
	}
	slow, fast := head, head.Next // slow ends the first (longer or equal) half
	for fast != nil && fast.Next != nil {
		slow, fast = slow.Next, fast.Next.Next
	}
	second := slow.Next
	slow.Next = nil // cut, so the halves do not form a cycle
	var previous *ListNode
	for second != nil {
		second.Next, previous, second = previous, second, second.Next
	}
	first := head
	second = previous
	for second != nil { // weave: one from the front, one from the back
		firstNext, secondNext := first.Next, second.Next
		first.Next = second
		second.Next = firstNext
		first, second = firstNext, secondNext
	}
	return head
}
