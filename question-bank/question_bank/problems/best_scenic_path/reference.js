function bestHike(root) {
  let best = root.val;
  // Best downward chain starting at node; updates `best` with the hike bending at node.
  function gain(node) {
    if (!node) return 0;
    const left = Math.max(0, gain(node.left));
    const right = Math.max(0, gain(node.right));
    best = Math.max(best, node.val + left + right);
    return node.val + Math.max(left, right);
  }
  gain(root);
  return best;
}
