function sensorFlipWindow(readings, k) {
  let left = 0, zeros = 0, best = 0;
  for (let right = 0; right < readings.length; right++) {
    if (readings[right] === 0) zeros++;
    while (zeros > k) { // too many zeros: slide the left edge past one
      if (readings[left] === 0) zeros--;
      left++;
    }
    best = Math.max(best, right - left + 1);
  }
  return best;
}
