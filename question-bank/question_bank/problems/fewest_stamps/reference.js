function fewestStamps(stamps, postage) {
  const unreachable = postage + 1; // more stamps than any real answer could need
  const best = new Array(postage + 1).fill(unreachable); // best[a]: fewest stamps for exactly a
  best[0] = 0;
  for (let amount = 1; amount <= postage; amount++) {
    for (const stamp of stamps) {
      if (stamp <= amount && best[amount - stamp] + 1 < best[amount]) {
        best[amount] = best[amount - stamp] + 1;
      }
    }
  }
  return best[postage] < unreachable ? best[postage] : -1;
}
