function bookedMinutes(bookings) {
  const sorted = bookings.slice().sort((a, b) => a[0] - b[0]);
  let total = 0;
  let blockStart = null, blockEnd = null;
  for (const [start, end] of sorted) {
    if (blockEnd === null || start > blockEnd) {
      if (blockEnd !== null) total += blockEnd - blockStart;
      blockStart = start; blockEnd = end;
    } else {
      blockEnd = Math.max(blockEnd, end);
    }
  }
  if (blockEnd !== null) total += blockEnd - blockStart;
  return total;
}
