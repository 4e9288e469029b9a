def closest_shared_ancestor(root, p, q):
    # Record parents with an explicit stack, then walk up from p and q (no recursion needed).
    parent = {root.val: None}
    stack = [root]
    while stack:
        node = stack.pop()
        for child in (node.left, node.right):
            if child:
                parent[child.val] = node.val
                stack.append(child)
    ancestors_of_p = set()
    while p is not None:
        ancestors_of_p.add(p)
        p = parent[p]
    while q not in ancestors_of_p:
        q = parent[q]
    return q
