class ConfigHistory {
    private final Map<String, List<Integer>> times = new HashMap<>(); // increasing per key
    private final Map<String, List<String>> values = new HashMap<>();

    public ConfigHistory() {}

    public void set(String key, String value, int timestamp) {
        times.computeIfAbsent(key, k -> new ArrayList<>()).add(timestamp);
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    public String get(String key, int timestamp) {
        List<Integer> ts = times.get(key);
        if (ts == null) return "";
        int lo = 0, hi = ts.size(); // find the number of versions with time <= timestamp
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts.get(mid) <= timestamp) lo = mid + 1;
            else hi = mid;
        }
        return lo == 0 ? "" : values.get(key).get(lo - 1);
    }
}
