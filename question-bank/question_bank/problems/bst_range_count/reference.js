function countInRange(root, lo, hi) {
  let count = 0;
  const stack = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop();
    if (lo <= node.val && node.val <= hi) count++;
    if (node.left && node.val > lo) stack.push(node.left);
    if (node.right && node.val < hi) stack.push(node.right);
  }
  return count;
}
