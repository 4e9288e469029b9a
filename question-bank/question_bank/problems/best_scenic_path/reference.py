def best_hike(root):
    # Iterative post-order (children before parents) so deep trees cannot hit the recursion limit.
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack += [c for c in (node.left, node.right) if c]
    gain = {}  # id(node) -> best downward chain starting at node
    best = root.val
    for node in reversed(order):
        left = max(0, gain[id(node.left)]) if node.left else 0
        right = max(0, gain[id(node.right)]) if node.right else 0
        best = max(best, node.val + left + right)
        gain[id(node)] = node.val + max(left, right)
    return best
