function berryPicking(berries) {
  // skip: best total without the previous bush; take: best total up to the previous bush.
  let skip = 0, take = 0;
  for (const count of berries) {
    const next = Math.max(take, skip + count);
    skip = take;
    take = next;
  }
  return take;
}
