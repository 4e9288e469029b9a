function droneRoute(cost) {
  const n = cost.length;
  if (n === 1) return 0;
  const others = n - 1; // checkpoints 1..n-1 are bits 0..n-2 of a mask
  const full = (1 << others) - 1;
  // best[mask][j]: cheapest flight from the pad over exactly `mask`, ending at checkpoint j + 1
  const best = Array.from({ length: full + 1 }, () => new Array(others).fill(Infinity));
  for (let j = 0; j < others; j++) best[1 << j][j] = cost[0][j + 1];
  for (let mask = 1; mask <= full; mask++) {
    for (let j = 0; j < others; j++) {
      const here = best[mask][j];
      if (here === Infinity) continue;
      for (let k = 0; k < others; k++) {
        if (mask & (1 << k)) continue;
        const next = mask | (1 << k);
        const candidate = here + cost[j + 1][k + 1];
        if (candidate < best[next][k]) best[next][k] = candidate;
      }
    }
  }
  let answer = Infinity;
  for (let j = 0; j < others; j++) answer = Math.min(answer, best[full][j] + cost[j + 1][0]);
  return answer;
}
