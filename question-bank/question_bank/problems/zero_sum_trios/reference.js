function zeroSumTrios(entries) {
  const values = [...entries].sort((a, b) => a - b);
  const n = values.length;
  const trios = [];
  for (let i = 0; i < n - 2; i++) {
    if (values[i] > 0) break;
    if (i > 0 && values[i] === values[i - 1]) continue; // same first value: same trios
    let lo = i + 1, hi = n - 1;
    while (lo < hi) {
      const total = values[i] + values[lo] + values[hi];
      if (total < 0) lo++;
      else if (total > 0) hi--;
      else {
        trios.push([values[i], values[lo], values[hi]]);
        lo++;
        while (lo < hi && values[lo] === values[lo - 1]) lo++;
        hi--;
      }
    }
  }
  return trios;
}
