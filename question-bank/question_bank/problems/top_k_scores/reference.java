class Solution {
    public int[] topKScores(int[] scores, int k) {
        PriorityQueue<Integer> heap = new PriorityQueue<>();  // min-heap of the best k so far
        for (int s : scores) {
            if (heap.size() < k) heap.add(s);
            else if (s > heap.peek()) { heap.poll(); heap.add(s); }
        }
        int[] result = new int[heap.size()];
        for (int i = result.length - 1; i >= 0; i--) result[i] = heap.poll();
        return result;
    }
}
