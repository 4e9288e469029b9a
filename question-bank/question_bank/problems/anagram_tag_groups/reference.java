class Solution {
    public String[][] anagramTagGroups(String[] tags) {
        Map<String, List<String>> groups = new LinkedHashMap<>(); // sorted letters -> tags
        for (String tag : tags) {
            char[] letters = tag.toCharArray();
            Arrays.sort(letters);
            groups.computeIfAbsent(new String(letters), key -> new ArrayList<>()).add(tag);
        }
        String[][] result = new String[groups.size()][];
        int i = 0;
        for (List<String> group : groups.values()) result[i++] = group.toArray(new String[0]);
        return result;
    }
}
