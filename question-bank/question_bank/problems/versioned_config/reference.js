class ConfigHistory {
  constructor() {
    this.times = new Map(); // key -> set-timestamps in increasing order
    this.values = new Map(); // key -> values, parallel to times
  }

  set(key, value, timestamp) {
    if (!this.times.has(key)) {
      this.times.set(key, []);
      this.values.set(key, []);
    }
    this.times.get(key).push(timestamp);
    this.values.get(key).push(value);
  }

  get(key, timestamp) {
    const times = this.times.get(key);
    if (!times) return "";
    let lo = 0, hi = times.length; // find the number of versions with time <= timestamp
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] <= timestamp) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? "" : this.values.get(key)[lo - 1];
  }
}
