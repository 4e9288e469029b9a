function closestSharedAncestor(root, p, q) {
  // Returns the answer if both are below `node`, else whichever of p / q was seen (or null).
  function walk(node) {
    if (!node || node.val === p || node.val === q) return node;
    const left = walk(node.left);
    const right = walk(node.right);
    if (left && right) return node;
    return left || right;
  }
  return walk(root).val;
}
