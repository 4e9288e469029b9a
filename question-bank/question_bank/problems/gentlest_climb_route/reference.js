function gentlestSteepestGrade(n, roads, source, target) {
  if (source === target) return 0;
  const parent = Array.from({ length: n }, (_, i) => i);
  function find(x) {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    while (parent[x] !== root) { const next = parent[x]; parent[x] = root; x = next; }  // path compression
    return root;
  }
  const sorted = roads.slice().sort((p, q) => p[2] - q[2]);
  for (const [a, b, grade] of sorted) {
    const ra = find(a), rb = find(b);
    if (ra !== rb) {
      parent[ra] = rb;
      if (find(source) === find(target)) return grade;
    }
  }
  return -1;
}
