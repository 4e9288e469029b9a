def count_trails(root, target):
    # Iterative DFS keeping counts of prefix sums on the current root-to-node path.
    if root is None:
        return 0
    prefix_counts = {0: 1}
    total = 0
    stack = [(root, 0, False)]  # (node, running sum above it, leaving?)
    while stack:
        node, above, leaving = stack.pop()
        running = above + node.val
        if leaving:
            prefix_counts[running] -= 1
            continue
        total += prefix_counts.get(running - target, 0)
        prefix_counts[running] = prefix_counts.get(running, 0) + 1
        stack.append((node, above, True))
        for child in (node.left, node.right):
            if child:
                stack.append((child, running, False))
    return total
