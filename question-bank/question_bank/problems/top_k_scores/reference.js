// Small binary min-heap, since JavaScript has none built in.
class MinHeap {
  constructor() { this.items = []; }
  size() { return this.items.length; }
  peek() { return this.items[0]; }
  push(x) {
    const a = this.items; a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]]; i = p;
    }
  }
  replaceTop(x) {
    const a = this.items; a[0] = x;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1; let m = i;
      if (l < a.length && a[l] < a[m]) m = l;
      if (r < a.length && a[r] < a[m]) m = r;
      if (m === i) break;
      [a[m], a[i]] = [a[i], a[m]]; i = m;
    }
  }
}

function topKScores(scores, k) {
  const heap = new MinHeap();
  for (const s of scores) {
    if (heap.size() < k) heap.push(s);
    else if (s > heap.peek()) heap.replaceTop(s);
  }
  return heap.items.slice().sort((a, b) => b - a);
}
