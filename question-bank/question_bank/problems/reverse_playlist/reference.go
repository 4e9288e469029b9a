package main

func reversePlaylist(head *ListNode) *ListNode {
	var previous *ListNode
	for head != nil {
		rest := head.Next // save the rest before turning this node around
		head.Next = previous
		previous = head
		head = rest
	}
	return previous
}
