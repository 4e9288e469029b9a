# Starts a fresh running sum at every node and walks its whole subtree: O(n * h).
def count_trails(root, target):
    def from_here(node, running):
        if node is None:
            return 0
        running += node.val
        return (running == target) + from_here(node.left, running) + from_here(node.right, running)

    total = 0
    stack = [root] if root else []
    while stack:
        node = stack.pop()
        total += from_here(node, 0)
        stack += [c for c in (node.left, node.right) if c]
    return total
