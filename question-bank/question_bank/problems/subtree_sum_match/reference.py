def count_matched(root):
    # Iterative post-order: process children before parents using a reversed pre-order.
    if root is None:
        return 0
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        if node.left:
            stack.append(node.left)
        if node.right:
            stack.append(node.right)
    total = {}  # id(node) -> sum of its whole subtree
    matched = 0
    for node in reversed(order):
        below = (total[id(node.left)] if node.left else 0) + (total[id(node.right)] if node.right else 0)
        if below == node.val:
            matched += 1
        total[id(node)] = below + node.val
    return matched
