class Solution {
    public int firstRepeatBadge(int[] badges) {
        Set<Integer> seen = new HashSet<>();
        for (int badge : badges) {
            if (!seen.add(badge)) return badge;
        }
        return -1;
    }
}
