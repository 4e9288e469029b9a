def shuffle_ends_playlist(head):
    # For every front node, walk to the current tail and move it after the front node: O(n^2).
    front = head
    while front and front.next and front.next.next:
        before_tail = front
        while before_tail.next.next:
            before_tail = before_tail.next
        tail = before_tail.next
        before_tail.next = None
        tail.next = front.next
        front.next = tail
        front = tail.next
    return head
