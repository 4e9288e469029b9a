function kthSmallestGap(readings, k) {
  const values = Int32Array.from(readings).sort();
  const n = values.length;
  const gapsAtMost = (limit) => {
    let count = 0, left = 0;
    for (let right = 0; right < n; right++) {
      while (values[right] - values[left] > limit) left++;
      count += right - left;
    }
    return count;
  };
  let lo = 0, hi = values[n - 1] - values[0];
  while (lo < hi) { // smallest gap g with at least k gaps <= g
    const mid = Math.floor((lo + hi) / 2);
    if (gapsAtMost(mid) >= k) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
