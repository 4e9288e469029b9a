class LampPlanner {
public:
    LampPlanner(int n, int maxOn) : n(n), maxOn(maxOn) {}

    vector<string> all() {
        place(false, 0);
        return patterns;
    }

private:
    int n, maxOn;
    string current;
    vector<string> patterns;

    void place(bool prevOn, int used) {
        if ((int)current.size() == n) {
            patterns.push_back(current);
            return;
        }
        current.push_back('0');
        place(false, used);
        current.pop_back();
        if (!prevOn && used < maxOn) {  // only prefixes that can still become valid
            current.push_back('1');
            place(true, used + 1);
            current.pop_back();
        }
    }
};

vector<string> lampPatterns(int n, int maxOn) {
    return LampPlanner(n, maxOn).all();
}
