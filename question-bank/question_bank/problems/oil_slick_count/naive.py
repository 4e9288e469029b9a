# Gives every oil cell its own label and lowers labels to the smallest neighbour label until nothing
# changes; on a long winding slick this needs a huge number of passes.
def count_slicks(photo):
    rows = len(photo)
    cols = len(photo[0]) if rows else 0
    label = [[r * cols + c if photo[r][c] == "#" else -1 for c in range(cols)] for r in range(rows)]
    changed = True
    while changed:
        changed = False
        for r in range(rows):
            for c in range(cols):
                if label[r][c] < 0:
                    continue
                for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                    if 0 <= nr < rows and 0 <= nc < cols and 0 <= label[nr][nc] < label[r][c]:
                        label[r][c] = label[nr][nc]
                        changed = True
    return len({v for row in label for v in row if v >= 0})
