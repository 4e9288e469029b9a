package main

type trieNode struct {
	children [26]*trieNode
	passing  int // titles that go through this node
}

func prefixCounts(titles []string, prefixes []string) []int {
	root := &trieNode{}
	for _, title := range titles {
		node := root
		node.passing++
		for i := 0; i < len(title); i++ {
			letter := title[i] - 'a'
			if node.children[letter] == nil {
				node.children[letter] = &trieNode{}
			}
			node = node.children[letter]
			node.passing++
		}
	}
	answers := make([]int, len(prefixes))
	for q, prefix := range prefixes {
		node := root
		for i := 0; i < len(prefix) && node != nil; i++ {
			node = node.children[prefix[i]-'a']
		}
		if node != nil {
			answers[q] = node.passing
		}
	}
	return answers
}
