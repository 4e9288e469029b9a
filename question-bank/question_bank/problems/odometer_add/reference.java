class Solution {
    public int[] odometerAdd(int[] digits, int miles) {
        // Column addition from the right; the remaining miles ride along in the carry.
        int[] result = digits.clone();
        long carry = miles;
        for (int i = result.length - 1; i >= 0 && carry > 0; i--) {
            long total = result[i] + carry;
            result[i] = (int) (total % 10);
            carry = total / 10;
        }
        List<Integer> head = new ArrayList<>();
        while (carry > 0) {
            head.add((int) (carry % 10));
            carry /= 10;
        }
        int[] out = new int[head.size() + result.length];
        for (int i = 0; i < head.size(); i++) out[i] = head.get(head.size() - 1 - i);
        System.arraycopy(result, 0, out, head.size(), result.length);
        return out;
    }
}
