# Descends from the root, searching whole subtrees at every step to pick a side: O(n * h).
def closest_shared_ancestor(root, p, q):
    def contains(node, value):
        stack = [node] if node else []
        while stack:
            cur = stack.pop()
            if cur.val == value:
                return True
            stack += [c for c in (cur.left, cur.right) if c]
        return False

    node = root
    while True:
        if node.val in (p, q):
            return node.val
        if contains(node.left, p) and contains(node.left, q):
            node = node.left
        elif contains(node.right, p) and contains(node.right, q):
            node = node.right
        else:
            return node.val
