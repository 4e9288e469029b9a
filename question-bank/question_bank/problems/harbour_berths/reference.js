function berthsNeeded(visits) {
  // Sweep: sorted arrivals against sorted departures; a departure at t frees a berth before an arrival at t.
  const arrivals = visits.map((v) => v[0]).sort((a, b) => a - b);
  const departures = visits.map((v) => v[1]).sort((a, b) => a - b);
  let docked = 0, most = 0, j = 0;
  for (const arrive of arrivals) {
    while (departures[j] <= arrive) { docked--; j++; }
    docked++;
    most = Math.max(most, docked);
  }
  return most;
}
