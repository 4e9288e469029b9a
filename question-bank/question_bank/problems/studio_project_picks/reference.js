// Binary max-heap of numbers.
class MaxHeap {
  constructor() { this.a = []; }
  get size() { return this.a.length; }
  push(x) {
    const a = this.a; a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (a[p] >= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]]; i = p;
    }
  }
  pop() {
    const a = this.a; const top = a[0]; const last = a.pop();
    if (a.length) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1; let m = i;
        if (l < a.length && a[l] > a[m]) m = l;
        if (r < a.length && a[r] > a[m]) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]]; i = m;
      }
    }
    return top;
  }
}

function finalFunds(k, funds, profit, required) {
  const order = profit.map((_, i) => i).sort((x, y) => required[x] - required[y]);
  const affordable = new MaxHeap();
  let next = 0;  // funds stay far below 2^53, exact in a JS number
  for (let round = 0; round < k; round++) {
    while (next < order.length && required[order[next]] <= funds) affordable.push(profit[order[next++]]);
    if (affordable.size === 0) break;
    funds += affordable.pop();
  }
  return funds;
}
