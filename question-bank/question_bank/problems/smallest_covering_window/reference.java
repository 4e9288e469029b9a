class Solution {
    public String smallestCoveringWindow(String text, String note) {
        int[] need = new int[128]; // letters still owed by the window (negative: spare copies)
        for (char c : note.toCharArray()) need[c]++;
        int missing = note.length(), bestStart = 0, bestLength = text.length() + 1, left = 0;
        for (int right = 0; right < text.length(); right++) {
            if (need[text.charAt(right)]-- > 0) missing--;
            while (missing == 0) { // covered: record, then try to shrink
                if (right - left + 1 < bestLength) { bestStart = left; bestLength = right - left + 1; }
                if (++need[text.charAt(left)] > 0) missing++;
                left++;
            }
        }
        return bestLength > text.length() ? "" : text.substring(bestStart, bestStart + bestLength);
    }
}
