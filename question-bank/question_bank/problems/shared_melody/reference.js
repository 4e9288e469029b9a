function sharedMelody(tuneA, tuneB) {
  // prev[j] / cur[j]: longest shared melody of tuneA[:i-1] / tuneA[:i] and tuneB[:j].
  let prev = new Array(tuneB.length + 1).fill(0);
  for (let i = 1; i <= tuneA.length; i++) {
    const cur = new Array(tuneB.length + 1).fill(0);
    for (let j = 1; j <= tuneB.length; j++) {
      cur[j] = tuneA[i - 1] === tuneB[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    prev = cur;
  }
  return prev[tuneB.length];
}
