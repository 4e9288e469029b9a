class Solution {
    public ListNode reversePlaylist(ListNode head) {
        ListNode previous = null;
        while (head != null) {
            ListNode rest = head.next; // save the rest before turning this node around
            head.next = previous;
            previous = head;
            head = rest;
        }
        return previous;
    }
}
