package main

func countInRange(root *TreeNode, lo int, hi int) int {
	count := 0
	stack := []*TreeNode{}
	if root != nil {
		stack = append(stack, root)
	}
	for len(stack) > 0 {
		node := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if lo <= node.Val && node.Val <= hi {
			count++
		}
		if node.Left != nil && node.Val > lo {
			stack = append(stack, node.Left)
		}
		if node.Right != nil && node.Val < hi {
			stack = append(stack, node.Right)
		}
	}
	return count
}
