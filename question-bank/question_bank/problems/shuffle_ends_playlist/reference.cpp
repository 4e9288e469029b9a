ListNode* shuffleEndsPlaylist(ListNode* head) {
    if (head == nullptr || head->next == nullptr) return head;
    ListNode *slow = head, *fast = head->next;  // slow ends the first (longer or equal) half
    while (fast != nullptr && fast->next != nullptr) { slow = slow->next; fast = fast->next->next; }
    ListNode* second = slow->next;
    slow->next = nullptr;  // cut, so the halves do not form a cycle
    ListNode* previous = nullptr;
    while (second != nullptr) { ListNode* rest = second->next; second->next = previous; previous = second; second = rest; }
    ListNode* first = head;
    second = previous;
    while (second != nullptr) {  // weave: one from the front, one from the back
        ListNode *firstNext = first->next, *secondNext = second->next;
        first->next = second;
        second->next = firstNext;
        first = firstNext;
        second = secondNext;
    }
    return head;
}
