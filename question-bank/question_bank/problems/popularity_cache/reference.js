class PopularityCache {
  constructor(capacity) {
    this.capacity = capacity;
    this.entries = new Map(); // key -> {value, count}
    this.byCount = new Map(); // count -> Set of keys in insertion (= last use) order
    this.minCount = 0;
  }

  use(key) {
    const entry = this.entries.get(key);
    const group = this.byCount.get(entry.count);
    group.delete(key);
    if (group.size === 0) {
      this.byCount.delete(entry.count);
      if (this.minCount === entry.count) this.minCount++;
    }
    entry.count++;
    if (!this.byCount.has(entry.count)) this.byCount.set(entry.count, new Set());
    this.byCount.get(entry.count).add(key);
  }

  get(key) {
    if (!this.entries.has(key)) return -1;
    this.use(key);
    return this.entries.get(key).value;
  }

  put(key, value) {
    if (this.entries.has(key)) {
      this.entries.get(key).value = value;
      this.use(key);
      return;
    }
    if (this.entries.size === this.capacity) {
      const group = this.byCount.get(this.minCount);
      const victim = group.values().next().value; // oldest among the least used
      group.delete(victim);
      if (group.size === 0) this.byCount.delete(this.minCount);
      this.entries.delete(victim);
    }
    this.entries.set(key, { value, count: 1 });
    if (!this.byCount.has(1)) this.byCount.set(1, new Set());
    this.byCount.get(1).add(key);
    this.minCount = 1;
  }
}
