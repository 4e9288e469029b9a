function maxXorPair(codes) {
  // Decide the answer bit by bit from the top, keeping the largest prefix still achievable.
  let answer = 0;
  for (let bit = 30; bit >= 0; bit--) {
    const prefixes = new Set(codes.map((code) => code >> bit));
    const want = (answer << 1) | 1;
    let found = false;
    for (const p of prefixes) {
      if (prefixes.has(p ^ want)) { found = true; break; } // a ^ b == want <=> a ^ want == b
    }
    answer = found ? want : answer << 1;
  }
  return answer;
}
