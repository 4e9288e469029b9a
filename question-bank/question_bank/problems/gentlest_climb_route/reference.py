def gentlest_steepest_grade(n, roads, source, target):
    if source == target:
        return 0
    parent = list(range(n))

    def find(x):
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for a, b, grade in sorted(roads, key=lambda road: road[2]):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
            if find(source) == find(target):
                return grade
    return -1
