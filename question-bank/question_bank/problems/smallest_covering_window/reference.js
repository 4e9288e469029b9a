function smallestCoveringWindow(text, note) {
  const need = new Map(); // letters still owed by the window (negative: spare copies)
  for (const c of note) need.set(c, (need.get(c) || 0) + 1);
  let missing = note.length, bestStart = 0, bestLength = text.length + 1, left = 0;
  for (let right = 0; right < text.length; right++) {
    const c = text[right];
    const owed = need.get(c) || 0;
    if (owed > 0) missing--;
    need.set(c, owed - 1);
    while (missing === 0) { // covered: record, then try to shrink
      if (right - left + 1 < bestLength) { bestStart = left; bestLength = right - left + 1; }
      const dropped = text[left];
      need.set(dropped, need.get(dropped) + 1);
      if (need.get(dropped) > 0) missing++;
      left++;
    }
  }
  return bestLength > text.length ? "" : text.slice(bestStart, bestStart + bestLength);
}
