class Solution {
    public int missingLocker(int[] keys) {
        // XOR of 0..n and of all keys: every present number cancels.
        int acc = keys.length;
        for (int i = 0; i < keys.length; i++) acc ^= i ^ keys[i];
        return acc;
    }
}
