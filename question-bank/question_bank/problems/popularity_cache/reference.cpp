class PopularityCache {
public:
    PopularityCache(int capacity) : capacity(capacity) {}

    int get(int key) {
        auto it = entries.find(key);
        if (it == entries.end()) return -1;
        use(it->second);
        return it->second.value;
    }

    void put(int key, int value) {
        auto it = entries.find(key);
        if (it != entries.end()) {
            it->second.value = value;
            use(it->second);
            return;
        }
        if ((int)entries.size() == capacity) {
            auto& group = byCount[minCount];
            int victim = group.front();  // oldest among the least used
            group.pop_front();
            if (group.empty()) byCount.erase(minCount);
            entries.erase(victim);
        }
        auto& group = byCount[1];
        group.push_back(key);
        entries[key] = Entry{value, 1, prev(group.end())};
        minCount = 1;
    }

private:
    struct Entry {
        int value;
        int count;
        list<int>::iterator where;  // position inside byCount[count]
    };
    int capacity;
    int minCount = 0;
    unordered_map<int, Entry> entries;
    unordered_map<int, list<int>> byCount;  // count -> keys, least recently used first

    void use(Entry& entry) {
        int key = *entry.where;
        auto& group = byCount[entry.count];
        group.erase(entry.where);
        if (group.empty()) {
            byCount.erase(entry.count);
            if (minCount == entry.count) minCount++;
        }
        entry.count++;
        auto& next = byCount[entry.count];
        next.push_back(key);
        entry.where = prev(next.end());
    }
};
