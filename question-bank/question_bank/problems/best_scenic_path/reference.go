package main

func bestHike(root *TreeNode) int {
	best := root.Val
	var gain func(node *TreeNode) int
	gain = func(node *TreeNode) int {
		if node == nil {
			return 0
		}
		left, right := gain(node.Left), gain(node.Right)
		if left < 0 {
			left = 0
		}
		if right < 0 {
			right = 0
		}
		if node.Val+left+right > best { // the hike that bends here
			best = node.Val + left + right
		}
		if left > right { // a parent can extend only one arm
			return node.Val + left
		}
		return node.Val + right
	}
	gain(root)
	return best
}
