function ticketPairBudget(prices, budget) {
  const seen = new Map(); // price -> index of an earlier ticket with that price
  for (let j = 0; j < prices.length; j++) {
    const partner = seen.get(budget - prices[j]);
    if (partner !== undefined) return [partner, j];
    seen.set(prices[j], j);
  }
  return [];
}
