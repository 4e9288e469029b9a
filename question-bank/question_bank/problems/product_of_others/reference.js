function productOfOthers(cards) {
  const n = cards.length;
  const score = new Array(n).fill(1);
  let left = 1;
  for (let i = 0; i < n; i++) { score[i] = left; left *= cards[i]; } // product of cards before i
  let right = 1;
  for (let i = n - 1; i >= 0; i--) { score[i] *= right; right *= cards[i]; } // times cards after i
  return score.map((x) => x + 0); // turn -0 into 0
}
