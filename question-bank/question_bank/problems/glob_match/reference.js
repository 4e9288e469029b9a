function globMatch(text, pattern) {
  const n = text.length;
  // prev[i]: does text[:i] match the pattern prefix handled so far (initially the empty pattern)?
  let prev = new Array(n + 1).fill(false);
  prev[0] = true;
  for (const p of pattern) {
    const cur = new Array(n + 1).fill(false);
    if (p === "*") {
      cur[0] = prev[0];
      for (let i = 1; i <= n; i++) cur[i] = prev[i] || cur[i - 1]; // nothing, or one more char
    } else {
      for (let i = 1; i <= n; i++) cur[i] = prev[i - 1] && (p === "?" || p === text[i - 1]);
    }
    prev = cur;
  }
  return prev[n];
}
