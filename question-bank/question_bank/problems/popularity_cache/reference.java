class PopularityCache {
    private final int capacity;
    private final Map<Integer, int[]> entries = new HashMap<>(); // key -> {value, count}
    private final Map<Integer, LinkedHashSet<Integer>> byCount = new HashMap<>(); // least recently used first
    private int minCount = 0;

    public PopularityCache(int capacity) {
        this.capacity = capacity;
    }

    private void use(int key) {
        int[] entry = entries.get(key);
        LinkedHashSet<Integer> group = byCount.get(entry[1]);
        group.remove(key);
        if (group.isEmpty()) {
            byCount.remove(entry[1]);
            if (minCount == entry[1]) minCount++;
        }
        entry[1]++;
        byCount.computeIfAbsent(entry[1], c -> new LinkedHashSet<>()).add(key);
    }

    public int get(int key) {
        if (!entries.containsKey(key)) return -1;
        use(key);
        return entries.get(key)[0];
    }

    public void put(int key, int value) {
        if (entries.containsKey(key)) {
            entries.get(key)[0] = value;
            use(key);
            return;
        }
        if (entries.size() == capacity) {
            LinkedHashSet<Integer> group = byCount.get(minCount);
            int victim = group.iterator().next(); // oldest among the least used
            group.remove(victim);
            if (group.isEmpty()) byCount.remove(minCount);
            entries.remove(victim);
        }
        entries.put(key, new int[] {value, 1});
        byCount.computeIfAbsent(1, c -> new LinkedHashSet<>()).add(key);
        minCount = 1;
    }
}
