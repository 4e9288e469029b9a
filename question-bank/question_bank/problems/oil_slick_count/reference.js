function countSlicks(photo) {
  const rows = photo.length;
  const cols = rows ? photo[0].length : 0;
  const seen = new Uint8Array(rows * cols);
  let slicks = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (photo[r][c] !== '#' || seen[r * cols + c]) continue;
      slicks++;
      seen[r * cols + c] = 1;
      const stack = [r * cols + c];
      while (stack.length) {
        const cell = stack.pop();
        const y = Math.floor(cell / cols), x = cell % cols;
        for (const [ny, nx] of [[y + 1, x], [y - 1, x], [y, x + 1], [y, x - 1]]) {
          if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && photo[ny][nx] === '#' && !seen[ny * cols + nx]) {
            seen[ny * cols + nx] = 1;
            stack.push(ny * cols + nx);
          }
        }
      }
    }
  }
  return slicks;
}
