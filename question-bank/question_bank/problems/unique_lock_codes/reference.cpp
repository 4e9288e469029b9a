class CodeLister {
public:
    explicit CodeLister(const vector<int>& digits) : length(digits.size()) {
        for (int d : digits) remaining[d]++;
    }

    vector<vector<int>> all() {
        place();
        return codes;
    }

private:
    size_t length;
    int remaining[10] = {0};  // digit value -> presses still to place
    vector<int> code;
    vector<vector<int>> codes;

    void place() {
        if (code.size() == length) {
            codes.push_back(code);
            return;
        }
        for (int value = 0; value < 10; value++) {  // each distinct value once per position
            if (remaining[value] == 0) continue;
            remaining[value]--;
            code.push_back(value);
            place();
            code.pop_back();
            remaining[value]++;
        }
    }
};

vector<vector<int>> uniqueLockCodes(vector<int>& digits) {
    return CodeLister(digits).all();
}
