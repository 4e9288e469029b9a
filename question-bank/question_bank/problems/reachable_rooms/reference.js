function canReach(n, doors, start, goal) {
  const neighbours = Array.from({ length: n }, () => []);
  for (const [a, b] of doors) {
    neighbours[a].push(b);
    neighbours[b].push(a);
  }
  const visited = new Uint8Array(n);
  visited[start] = 1;
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const room = queue[head];
    if (room === goal) return true;
    for (const next of neighbours[room]) {
      if (!visited[next]) { visited[next] = 1; queue.push(next); }
    }
  }
  return false;
}
