# Recomputes each node's best downward chain from scratch: O(n * h).
def best_hike(root):
    def chain(node):
        if node is None:
            return 0
        return node.val + max(0, chain(node.left), chain(node.right))

    best = root.val
    stack = [root]
    while stack:
        node = stack.pop()
        best = max(best, node.val + max(0, chain(node.left)) + max(0, chain(node.right)))
        stack += [c for c in (node.left, node.right) if c]
    return best
