package main

func countTrails(root *TreeNode, target int) int64 {
	prefixCounts := map[int]int64{0: 1}
	var total int64
	var walk func(node *TreeNode, above int)
	walk = func(node *TreeNode, above int) {
		if node == nil {
			return
		}
		running := above + node.Val
		total += prefixCounts[running-target]
		prefixCounts[running]++
		walk(node.Left, running)
		walk(node.Right, running)
		prefixCounts[running]-- // leave this branch
	}
	walk(root, 0)
	return total
}
