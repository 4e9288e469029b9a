const MOD = 1000000007;

function steppingStones(n, cracked) {
  const broken = new Set(cracked);
  let twoBack = 0, oneBack = 1; // ways to reach stone i-2 and i-1
  for (let stone = 1; stone <= n; stone++) {
    const here = broken.has(stone) ? 0 : (oneBack + twoBack) % MOD;
    twoBack = oneBack;
    oneBack = here;
  }
  return oneBack;
}
