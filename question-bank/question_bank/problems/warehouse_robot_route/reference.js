function fewestMoves(floor) {
  const rows = floor.length, cols = floor[0].length;
  const dist = new Int32Array(rows * cols).fill(-1);
  let start = 0;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (floor[r][c] === 'S') start = r * cols + c;
  dist[start] = 0;
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const cell = queue[head];
    const r = Math.floor(cell / cols), c = cell % cols;
    if (floor[r][c] === 'E') return dist[cell];
    for (const [nr, nc] of [[r + 1, c], [r - 1, c], [r, c + 1], [r, c - 1]]) {
      if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && floor[nr][nc] !== '#' && dist[nr * cols + nc] < 0) {
        dist[nr * cols + nc] = dist[cell] + 1;
        queue.push(nr * cols + nc);
      }
    }
  }
  return -1;
}
