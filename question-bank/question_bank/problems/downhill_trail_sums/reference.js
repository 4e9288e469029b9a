function countTrails(root, target) {
  const prefixCounts = new Map([[0, 1]]);
  let total = 0;
  function walk(node, above) {
    if (!node) return;
    const running = above + node.val;
    total += prefixCounts.get(running - target) || 0;
    prefixCounts.set(running, (prefixCounts.get(running) || 0) + 1);
    walk(node.left, running);
    walk(node.right, running);
    prefixCounts.set(running, prefixCounts.get(running) - 1);  // leave this branch
  }
  walk(root, 0);
  return total;
}
