// Binary min-heap of numbers.
class MinHeap {
  constructor(items) { this.a = []; for (const x of items) this.push(x); }
  get size() { return this.a.length; }
  push(x) {
    const a = this.a; a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]]; i = p;
    }
  }
  pop() {
    const a = this.a; const top = a[0]; const last = a.pop();
    if (a.length) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1; let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]]; i = m;
      }
    }
    return top;
  }
}

function buildOrder(n, deps) {
  const dependents = Array.from({ length: n }, () => []);
  const missing = new Array(n).fill(0);
  for (const [a, b] of deps) { dependents[b].push(a); missing[a]++; }
  const ready = new MinHeap([...Array(n).keys()].filter((p) => missing[p] === 0));
  const order = [];
  while (ready.size) {
    const p = ready.pop();
    order.push(p);
    for (const d of dependents[p]) if (--missing[d] === 0) ready.push(d);
  }
  return order.length === n ? order : [];
}
