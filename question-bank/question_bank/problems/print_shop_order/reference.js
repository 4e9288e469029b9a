// Binary min-heap of [duration, index] pairs.
class PairHeap {
  constructor() { this.a = []; }
  get size() { return this.a.length; }
  less(x, y) { return x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]); }
  push(item) {
    const a = this.a; a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]]; i = p;
    }
  }
  pop() {
    const a = this.a; const top = a[0]; const last = a.pop();
    if (a.length) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1; let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]]; i = m;
      }
    }
    return top;
  }
}

function pressOrder(jobs) {
  const byArrival = jobs.map((_, i) => i).sort((x, y) => jobs[x][0] - jobs[y][0]);
  const waiting = new PairHeap();
  const order = [];
  let time = 0, next = 0;  // times stay below 2^53, exact in a JS number
  while (order.length < jobs.length) {
    if (waiting.size === 0 && time < jobs[byArrival[next]][0]) time = jobs[byArrival[next]][0];
    while (next < jobs.length && jobs[byArrival[next]][0] <= time) {
      const i = byArrival[next++];
      waiting.push([jobs[i][1], i]);
    }
    const [duration, i] = waiting.pop();
    order.push(i);
    time += duration;
  }
  return order;
}
