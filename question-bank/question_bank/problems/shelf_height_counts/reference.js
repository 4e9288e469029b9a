function shelfHeightCounts(heights, queries) {
  const boxesThatFit = (gap) => {
    let lo = 0, hi = heights.length; // first index with height > gap
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (heights[mid] <= gap) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return queries.map(boxesThatFit);
}
