class ConfigHistory {
public:
    ConfigHistory() {}

    void set(string key, string value, int timestamp) {
        auto& versions = history[key];
        versions.times.push_back(timestamp);
        versions.values.push_back(value);
    }

    string get(string key, int timestamp) {
        auto it = history.find(key);
        if (it == history.end()) return "";
        const auto& times = it->second.times;
        // number of versions with time <= timestamp
        size_t count = upper_bound(times.begin(), times.end(), timestamp) - times.begin();
        return count == 0 ? "" : it->second.values[count - 1];
    }

private:
    struct Versions {
        vector<int> times;  // increasing, because set timestamps only grow
        vector<string> values;
    };
    unordered_map<string, Versions> history;
};
