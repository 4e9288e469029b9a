function largestBillboard(heights) {
  // Areas reach 1e14 < 2^53, so plain numbers stay exact.
  let best = 0;
  const rising = []; // indices with increasing heights, each waiting for a lower building
  for (let i = 0; i <= heights.length; i++) {
    const height = i === heights.length ? 0 : heights[i]; // sentinel flushes the stack
    while (rising.length && heights[rising[rising.length - 1]] >= height) {
      const top = rising.pop();
      const left = rising.length ? rising[rising.length - 1] : -1;
      best = Math.max(best, heights[top] * (i - left - 1));
    }
    rising.push(i);
  }
  return best;
}
