function higherBidWait(bids) {
  const wait = new Array(bids.length).fill(0);
  const waiting = []; // minutes without a higher bid yet
  for (let i = 0; i < bids.length; i++) {
    while (waiting.length && bids[waiting[waiting.length - 1]] < bids[i]) {
      const j = waiting.pop();
      wait[j] = i - j;
    }
    waiting.push(i);
  }
  return wait;
}
