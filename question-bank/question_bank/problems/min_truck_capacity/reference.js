function minTruckCapacity(crates, days) {
  const daysNeeded = (capacity) => {
    let used = 1, load = 0;
    for (const weight of crates) {
      if (load + weight > capacity) { used++; load = 0; } // this crate waits for tomorrow
      load += weight;
    }
    return used;
  };
  let lo = Math.max(...crates), hi = crates.reduce((a, b) => a + b, 0);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (daysNeeded(mid) <= days) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
