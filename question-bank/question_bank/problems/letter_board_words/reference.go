package main

import "sort"

type boardTrieNode struct {
	next [26]*boardTrieNode
	word string // the dictionary word ending here, until it is found
	ends bool
}

func findWords(board []string, words []string) []string {
	root := &boardTrieNode{}
	for _, w := range words {
		node := root
		for i := 0; i < len(w); i++ {
			ch := w[i] - 'a'
			if node.next[ch] == nil {
				node.next[ch] = &boardTrieNode{}
			}
			node = node.next[ch]
		}
		node.word, node.ends = w, true
	}
	rows, cols := len(board), len(board[0])
	grid := make([][]byte, rows)
	for r := range grid {
		grid[r] = []byte(board[r])
	}
	found := []string{}
	dr := []int{1, -1, 0, 0}
	dc := []int{0, 0, 1, -1}
	var dfs func(r, c int, parent *boardTrieNode)
	dfs = func(r, c int, parent *boardTrieNode) {
		letter := grid[r][c]
		node := parent.next[letter-'a']
		if node == nil {
			return
		}
		if node.ends { // report each word once
			found = append(found, node.word)
			node.ends = false
		}
		grid[r][c] = '#' // mark the tile as used on this path
		for d := 0; d < 4; d++ {
			nr, nc := r+dr[d], c+dc[d]
			if nr >= 0 && nr < rows && nc >= 0 && nc < cols && grid[nr][nc] != '#' {
				dfs(nr, nc, node)
			}
		}
		grid[r][c] = letter
	}
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			dfs(r, c, root)
		}
	}
	sort.Strings(found)
	return found
}
