function vendingCombinations(coins, price) {
  const values = coins.slice().sort((a, b) => a - b);
  const collections = [];
  const chosen = [];
  function pick(start, remaining) {
    if (remaining === 0) {
      collections.push(chosen.slice());
      return;
    }
    for (let i = start; i < values.length; i++) {
      if (values[i] > remaining) break; // sorted: every later coin is too big as well
      chosen.push(values[i]);
      pick(i, remaining - values[i]); // i, not i + 1: the same coin may be used again
      chosen.pop();
    }
  }
  pick(0, price);
  return collections;
}
