function uniqueLockCodes(digits) {
  const remaining = new Array(10).fill(0); // digit value -> presses still to place
  for (const d of digits) remaining[d]++;
  const codes = [];
  const code = [];
  function place() {
    if (code.length === digits.length) {
      codes.push(code.slice());
      return;
    }
    for (let value = 0; value < 10; value++) { // each distinct value once per position
      if (remaining[value] === 0) continue;
      remaining[value]--;
      code.push(value);
      place();
      code.pop();
      remaining[value]++;
    }
  }
  place();
  return codes;
}
