function lostSock(ids) {
  // x ^ x === 0, so every pair cancels and only the lonely id survives.
  let acc = 0;
  for (const sock of ids) acc ^= sock;
  return acc;
}
