class Solution {
    private static final class Node {
        final Node[] children = new Node[26];
        int passing;  // titles that go through this node
    }

    public int[] prefixCounts(String[] titles, String[] prefixes) {
        Node root = new Node();
        for (String title : titles) {
            Node node = root;
            node.passing++;
            for (int i = 0; i < title.length(); i++) {
                int letter = title.charAt(i) - 'a';
                if (node.children[letter] == null) node.children[letter] = new Node();
                node = node.children[letter];
                node.passing++;
            }
        }
        int[] answers = new int[prefixes.length];
        for (int q = 0; q < prefixes.length; q++) {
            Node node = root;
            String prefix = prefixes[q];
            for (int i = 0; i < prefix.length() && node != null; i++) node = node.children[prefix.charAt(i) - 'a'];
            answers[q] = node == null ? 0 : node.passing;
        }
        return answers;
    }
}
