function mostRepairs(costs, budget) {
  const sorted = costs.slice().sort((a, b) => a - b);
  let done = 0, spent = 0;  // JS numbers hold sums up to 2^53 exactly
  for (const cost of sorted) {
    if (spent + cost > budget) break;
    spent += cost;
    done++;
  }
  return done;
}
