function reversePlaylist(head) {
  let previous = null;
  while (head !== null) {
    const rest = head.next; // save the rest before turning this node around
    head.next = previous;
    previous = head;
    head = rest;
  }
  return previous;
}
