const MOD = 1000000007;

function warehousePaths(floor) {
  const cols = floor[0].length;
  const ways = new Array(cols).fill(0); // ways[c]: routes reaching (current row, c)
  ways[0] = floor[0][0] === 0 ? 1 : 0;
  for (const row of floor) {
    for (let c = 0; c < cols; c++) {
      if (row[c] === 1) ways[c] = 0;
      else if (c > 0) ways[c] = (ways[c] + ways[c - 1]) % MOD; // from above + from the left
    }
  }
  return ways[cols - 1];
}
