package main

import "sort"

type versions struct {
	times  []int // increasing, because set timestamps only grow
	values []string
}

type ConfigHistory struct {
	history map[string]*versions
}

func Constructor() ConfigHistory {
	return ConfigHistory{history: map[string]*versions{}}
}

func (this *ConfigHistory) Set(key string, value string, timestamp int) {
	v, ok := this.history[key]
	if !ok {
		v = &versions{}
		this.history[key] = v
	}
	v.times = append(v.times, timestamp)
	v.values = append(v.values, value)
}

func (this *ConfigHistory) Get(key string, timestamp int) string {
	v, ok := this.history[key]
	if !ok {
		return ""
	}
	// number of versions with time <= timestamp
	count := sort.Search(len(v.times), func(i int) bool { return v.times[i] > timestamp })
	if count == 0 {
		return ""
	}
	return v.values[count-1]
}
