package main

import "container/list"

type cacheEntry struct {
	value int
	count int
	where *list.Element // position inside byCount[count]; Value is the key
}

type PopularityCache struct {
	capacity int
	minCount int
	entries  map[int]*cacheEntry
	byCount  map[int]*list.List // count -> keys, least recently used first
}

func Constructor(capacity int) PopularityCache {
	return PopularityCache{capacity: capacity, entries: map[int]*cacheEntry{}, byCount: map[int]*list.List{}}
}

func (this *PopularityCache) group(count int) *list.List {
	g, ok := this.byCount[count]
	if !ok {
		g = list.New()
		this.byCount[count] = g
	}
	return g
}

func (this *PopularityCache) use(key int, entry *cacheEntry) {
	g := this.byCount[entry.count]
	g.Remove(entry.where)
	if g.Len() == 0 {
		delete(this.byCount, entry.count)
		if this.minCount == entry.count {
			this.minCount++
		}
	}
	entry.count++
	entry.where = this.group(entry.count).PushBack(key)
}

func (this *PopularityCache) Get(key int) int {
	entry, ok := this.entries[key]
	if !ok {
		return -1
	}
	this.use(key, entry)
	return entry.value
}

func (this *PopularityCache) Put(key int, value int) {
	if entry, ok := this.entries[key]; ok {
		entry.value = value
		this.use(key, entry)
		return
	}
	if len(this.entries) == this.capacity {
		g := this.byCount[this.minCount]
		victim := g.Remove(g.Front()).(int) // oldest among the least used
		if g.Len() == 0 {
			delete(this.byCount, this.minCount)
		}
		delete(this.entries, victim)
	}
	this.entries[key] = &cacheEntry{value: value, count: 1, where: this.group(1).PushBack(key)}
	this.minCount = 1
}
