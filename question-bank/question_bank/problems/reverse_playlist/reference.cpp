ListNode* reversePlaylist(ListNode* head) {
    ListNode* previous = nullptr;
    while (head != nullptr) {
        ListNode* rest = head->next;  // save the rest before turning this node around
        head->next = previous;
        previous = head;
        head = rest;
    }
    return previous;
}
