vector<int> odometerAdd(vector<int>& digits, int miles) {
    // Column addition from the right; the remaining miles ride along in the carry.
    vector<int> result = digits;
    long long carry = miles;
    for (int i = (int)result.size() - 1; i >= 0 && carry > 0; i--) {
        long long total = result[i] + carry;
        result[i] = (int)(total % 10);
        carry = total / 10;
    }
    vector<int> head;
    while (carry > 0) {
        head.push_back((int)(carry % 10));
        carry /= 10;
    }
    reverse(head.begin(), head.end());
    head.insert(head.end(), result.begin(), result.end());
    return head;
}
