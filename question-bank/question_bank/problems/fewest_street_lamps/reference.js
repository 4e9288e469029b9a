function fewestLamps(n, reach) {
  // far[p] = furthest right end of any lamp whose lit stretch starts at or before p (clamped to 0).
  const far = new Array(n + 1).fill(0);
  reach.forEach((r, i) => {
    if (r > 0) {
      const start = Math.max(0, i - r);
      far[start] = Math.max(far[start], Math.min(n, i + r));
    }
  });
  let lamps = 0, litUntil = 0, best = 0;
  for (let p = 0; p < n; p++) {
    best = Math.max(best, far[p]);
    if (p === litUntil) {
      if (best <= p) return -1;
      lamps++;
      litUntil = best;
    }
  }
  return lamps;
}
