class Solution {
    public ListNode shuffleEndsPlaylist(ListNode head) {
        if (head == null || head.next == null) return head;
        ListNode slow = head, fast = head.next; // slow ends the first (longer or equal) half
        while (fast != null && fast.next != null) { slow = slow.next; fast = fast.next.next; }
        ListNode second = slow.next;
        slow.next = null; // cut, so the halves do not form a cycle
        ListNode previous = null;
        while (second != null) { ListNode rest = second.next; second.next = previous; previous = second; second = rest; }
        ListNode first = head;
        second = previous;
        while (second != null) { // weave: one from the front, one from the back
            ListNode firstNext = first.next, secondNext = second.next;
            first.next = second;
            second.next = firstNext;
            first = firstNext;
            second = secondNext;
        }
        return head;
    }
}
