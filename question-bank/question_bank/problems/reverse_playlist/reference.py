def reverse_playlist(head: ListNode | None) -> ListNode | None:
    previous = None
    while head is not None:
        rest = head.next  # save the rest before turning this node around
        head.next = previous
        previous = head
        head = rest
    return previous
