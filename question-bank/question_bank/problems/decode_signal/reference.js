const MOD = 1000000007;

function decodeSignal(signal) {
  // twoBack / oneBack: decodings of the prefix ending two digits / one digit before position i.
  let twoBack = 1, oneBack = signal[0] === "0" ? 0 : 1;
  for (let i = 1; i < signal.length; i++) {
    let here = signal[i] !== "0" ? oneBack : 0; // last letter is one digit
    const prev = signal[i - 1];
    if (prev === "1" || (prev === "2" && signal[i] <= "6")) here += twoBack; // 10..26
    twoBack = oneBack;
    oneBack = here % MOD;
  }
  return oneBack;
}
