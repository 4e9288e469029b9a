package main

func countMatched(root *TreeNode) int {
	matched := 0
	var walk func(node *TreeNode) int
	walk = func(node *TreeNode) int {
		if node == nil {
			return 0
		}
		below := walk(node.Left) + walk(node.Right)
		if below == node.Val {
			matched++
		}
		return below + node.Val
	}
	walk(root)
	return matched
}
