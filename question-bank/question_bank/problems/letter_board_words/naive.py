# Searches the board separately for every distinct word: O(words * cells * 3^L).
def find_words(board, words):
    rows, cols = len(board), len(board[0])

    def spell(word, i, r, c, used):
        if board[r][c] != word[i]:
            return False
        if i == len(word) - 1:
            return True
        used.add((r, c))
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if (
                0 <= nr < rows
                and 0 <= nc < cols
                and (nr, nc) not in used
                and spell(word, i + 1, nr, nc, used)
            ):
                used.discard((r, c))
                return True
        used.discard((r, c))
        return False

    return sorted(
        w for w in set(words) if any(spell(w, 0, r, c, set()) for r in range(rows) for c in range(cols))
    )
