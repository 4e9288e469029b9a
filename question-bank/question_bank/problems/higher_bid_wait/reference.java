class Solution {
    public int[] higherBidWait(int[] bids) {
        int[] wait = new int[bids.length];
        int[] waiting = new int[bids.length]; // stack of minutes without a higher bid yet
        int top = 0;
        for (int i = 0; i < bids.length; i++) {
            while (top > 0 && bids[waiting[top - 1]] < bids[i]) {
                int j = waiting[--top];
                wait[j] = i - j;
            }
            waiting[top++] = i;
        }
        return wait;
    }
}
