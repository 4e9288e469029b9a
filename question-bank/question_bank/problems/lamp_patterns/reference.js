function lampPatterns(n, maxOn) {
  const patterns = [];
  const chars = [];
  function place(prevOn, used) {
    if (chars.length === n) {
      patterns.push(chars.join(""));
      return;
    }
    chars.push("0");
    place(false, used);
    chars.pop();
    if (!prevOn && used < maxOn) { // only prefixes that can still become valid
      chars.push("1");
      place(true, used + 1);
      chars.pop();
    }
  }
  place(false, 0);
  return patterns;
}
