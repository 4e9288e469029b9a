function missingLocker(keys) {
  // XOR of 0..n and of all keys: every present number cancels, no overflow concerns.
  let acc = keys.length;
  for (let i = 0; i < keys.length; i++) acc ^= i ^ keys[i];
  return acc;
}
