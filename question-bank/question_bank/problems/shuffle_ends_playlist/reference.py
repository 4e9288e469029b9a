def shuffle_ends_playlist(head: ListNode | None) -> ListNode | None:
    if head is None or head.next is None:
        return head
    slow, fast = head, head.next  # slow stops at the end of the first (longer or equal) half
    while fast and fast.next:
        slow, fast = slow.next, fast.next.next
    second, slow.next = slow.next, None  # cut, so the halves do not form a cycle
    previous = None
    while second:  # reverse the second half
        second.next, previous, second = previous, second, second.next
    first, second = head, previous
    while second:  # weave: one from the front, one from the back
        first_next, second_next = first.next, second.next
        first.next, second.next = second, first_next
        first, second = first_next, second_next
    return head
