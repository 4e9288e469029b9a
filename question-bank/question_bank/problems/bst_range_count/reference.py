def count_in_range(root, lo, hi):
    # Iterative, so a skewed tree cannot hit Python's recursion limit.
    count = 0
    stack = [root] if root else []
    while stack:
        node = stack.pop()
        if lo <= node.val <= hi:
            count += 1
        if node.left and node.val > lo:  # smaller values exist only on the left
            stack.append(node.left)
        if node.right and node.val < hi:
            stack.append(node.right)
    return count
