# Recomputes the sum below every node from scratch: O(n * height).
def count_matched(root):
    def subtree_sum(node):
        if node is None:
            return 0
        return node.val + subtree_sum(node.left) + subtree_sum(node.right)

    def count(node):
        if node is None:
            return 0
        here = 1 if subtree_sum(node.left) + subtree_sum(node.right) == node.val else 0
        return here + count(node.left) + count(node.right)

    return count(root)
