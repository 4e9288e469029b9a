function watchtowers(n, swamps) {
  const swampMask = new Array(n).fill(0); // per row, the columns that cannot hold a tower
  for (const [row, col] of swamps) swampMask[row] |= 1 << col;
  const full = (1 << n) - 1;
  // cols / downRight / downLeft: columns this row cannot use because of earlier towers
  function place(row, cols, downRight, downLeft) {
    if (row === n) return 1;
    let ways = 0;
    let free = full & ~(cols | downRight | downLeft | swampMask[row]);
    while (free) {
      const bit = free & -free; // lowest free column
      free ^= bit;
      ways += place(row + 1, cols | bit, ((downRight | bit) << 1) & full, (downLeft | bit) >> 1);
    }
    return ways;
  }
  return place(0, 0, 0, 0);
}
