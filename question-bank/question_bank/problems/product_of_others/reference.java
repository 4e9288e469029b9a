class Solution {
    public int[] productOfOthers(int[] cards) {
        int n = cards.length;
        int[] score = new int[n];
        int left = 1;
        for (int i = 0; i < n; i++) { score[i] = left; left *= cards[i]; } // product of cards before i
        int right = 1;
        for (int i = n - 1; i >= 0; i--) { score[i] *= right; right *= cards[i]; } // times cards after i
        return score;
    }
}
