function firstRepeatBadge(badges) {
  const seen = new Set();
  for (const badge of badges) {
    if (seen.has(badge)) return badge;
    seen.add(badge);
  }
  return -1;
}
