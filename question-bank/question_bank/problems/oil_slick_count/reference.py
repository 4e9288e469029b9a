def count_slicks(photo):
    rows = len(photo)
    cols = len(photo[0]) if rows else 0
    seen = [[False] * cols for _ in range(rows)]
    slicks = 0
    for r in range(rows):
        for c in range(cols):
            if photo[r][c] != "#" or seen[r][c]:
                continue
            slicks += 1
            seen[r][c] = True
            stack = [(r, c)]
            while stack:  # explicit stack: a snaking slick can be 10^5 cells long
                y, x = stack.pop()
                for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                    if 0 <= ny < rows and 0 <= nx < cols and photo[ny][nx] == "#" and not seen[ny][nx]:
                        seen[ny][nx] = True
                        stack.append((ny, nx))
    return slicks
