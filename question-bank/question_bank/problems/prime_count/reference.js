function primeCount(n) {
  if (n < 3) return 0;
  const composite = new Uint8Array(n);
  let count = 0;
  for (let p = 2; p < n; p++) {
    if (composite[p]) continue;
    count++;
    // smaller multiples of p were already crossed off by smaller primes
    for (let m = p * p; m < n; m += p) composite[m] = 1;
  }
  return count;
}
