function longestDistinctStreak(flavours) {
  const lastIndex = new Map();
  let left = 0, best = 0;
  for (let right = 0; right < flavours.length; right++) {
    const previous = lastIndex.has(flavours[right]) ? lastIndex.get(flavours[right]) : -1;
    if (previous >= left) left = previous + 1; // the repeat is inside the window
    lastIndex.set(flavours[right], right);
    best = Math.max(best, right - left + 1);
  }
  return best;
}
