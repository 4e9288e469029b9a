class ChangeFinder {
public:
    explicit ChangeFinder(vector<int> coins) : values(std::move(coins)) {
        sort(values.begin(), values.end());
    }

    vector<vector<int>> all(int price) {
        pick(0, price);
        return collections;
    }

private:
    vector<int> values, chosen;
    vector<vector<int>> collections;

    void pick(size_t start, int remaining) {
        if (remaining == 0) {
            collections.push_back(chosen);
            return;
        }
        for (size_t i = start; i < values.size(); i++) {
            if (values[i] > remaining) break;  // sorted: every later coin is too big as well
            chosen.push_back(values[i]);
            pick(i, remaining - values[i]);    // i, not i + 1: the same coin may be used again
            chosen.pop_back();
        }
    }
};

vector<vector<int>> vendingCombinations(vector<int>& coins, int price) {
    return ChangeFinder(coins).all(price);
}
