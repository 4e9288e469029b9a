package main

type RollingMean struct {
	ring  []int // circular buffer of the last `window` readings
	next  int
	count int
	total int64
}

func Constructor(window int) RollingMean {
	return RollingMean{ring: make([]int, window)}
}

func (this *RollingMean) Record(reading int) float64 {
	if this.count == len(this.ring) {
		this.total -= int64(this.ring[this.next])
	} else {
		this.count++
	}
	this.ring[this.next] = reading
	this.next = (this.next + 1) % len(this.ring)
	this.total += int64(reading)
	return float64(this.total) / float64(this.count)
}

func (this *RollingMean) Current() float64 {
	if this.count == 0 {
		return 0.0
	}
	return float64(this.total) / float64(this.count)
}
