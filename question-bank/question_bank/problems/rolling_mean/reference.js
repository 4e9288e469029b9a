class RollingMean {
  constructor(window) {
    this.window = window;
    this.ring = new Array(window).fill(0); // circular buffer of the last `window` readings
    this.next = 0;
    this.count = 0;
    this.total = 0; // stays below 2^53, so exact
  }

  record(reading) {
    if (this.count === this.window) this.total -= this.ring[this.next];
    else this.count++;
    this.ring[this.next] = reading;
    this.next = (this.next + 1) % this.window;
    this.total += reading;
    return this.total / this.count;
  }

  current() {
    return this.count === 0 ? 0.0 : this.total / this.count;
  }
}
