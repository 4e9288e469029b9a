package main

func closestSharedAncestor(root *TreeNode, p int, q int) int {
	// walk returns the answer if both are below node, else whichever of p / q was seen (or nil).
	var walk func(node *TreeNode) *TreeNode
	walk = func(node *TreeNode) *TreeNode {
		if node == nil || node.Val == p || node.Val == q {
			return node
		}
		left, right := walk(node.Left), walk(node.Right)
		if left != nil && right != nil {
			return node
		}
		if left != nil {
			return left
		}
		return right
	}
	return walk(root).Val
}
