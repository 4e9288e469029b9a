function regionsAfterEach(n, bridges) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const size = new Array(n).fill(1);
  function find(x) {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    while (parent[x] !== root) { const next = parent[x]; parent[x] = root; x = next; }  // path compression
    return root;
  }
  let regions = n;
  const counts = [];
  for (const [a, b] of bridges) {
    let ra = find(a), rb = find(b);
    if (ra !== rb) {
      if (size[ra] < size[rb]) [ra, rb] = [rb, ra];
      parent[rb] = ra;
      size[ra] += size[rb];
      regions--;
    }
    counts.push(regions);
  }
  return counts;
}
