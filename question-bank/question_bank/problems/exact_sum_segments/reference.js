function exactSumSegments(changes, k) {
  const prefixCounts = new Map([[0, 1]]); // the empty prefix: stretches starting on day 0
  let total = 0, stretches = 0; // fewer than 2^53 stretches, exact in a double
  for (const change of changes) {
    total += change;
    stretches += prefixCounts.get(total - k) || 0;
    prefixCounts.set(total, (prefixCounts.get(total) || 0) + 1);
  }
  return stretches;
}
