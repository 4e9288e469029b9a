def reverse_playlist(head):
    # Repeatedly walk from the head to the i-th node to copy values backwards: O(n^2).
    n = 0
    node = head
    while node:
        n += 1
        node = node.next
    dummy = ListNode(0)
    tail = dummy
    for i in range(n - 1, -1, -1):
        node = head
        for _ in range(i):
            node = node.next
        tail.next = ListNode(node.val)
        tail = tail.next
    return dummy.next
