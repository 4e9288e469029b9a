function odometerAdd(digits, miles) {
  // Column addition from the right; the remaining miles ride along in the carry.
  const result = digits.slice();
  let carry = miles;
  for (let i = result.length - 1; i >= 0 && carry > 0; i--) {
    const total = result[i] + carry;
    result[i] = total % 10;
    carry = Math.floor(total / 10);
  }
  const head = [];
  while (carry > 0) {
    head.push(carry % 10);
    carry = Math.floor(carry / 10);
  }
  return head.reverse().concat(result);
}
