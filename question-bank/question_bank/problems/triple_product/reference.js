function tripleProduct(ratings) {
  // The winner is either the three largest, or the two most negative times the largest.
  let max1 = -Infinity, max2 = -Infinity, max3 = -Infinity; // max1 >= max2 >= max3
  let min1 = Infinity, min2 = Infinity; // min1 <= min2
  for (const r of ratings) {
    if (r > max1) { max3 = max2; max2 = max1; max1 = r; }
    else if (r > max2) { max3 = max2; max2 = r; }
    else if (r > max3) { max3 = r; }
    if (r < min1) { min2 = min1; min1 = r; }
    else if (r < min2) { min2 = r; }
  }
  // |product| <= 1e15 < 2^53, so doubles are exact here.
  return Math.max(max1 * max2 * max3, min1 * min2 * max1);
}
