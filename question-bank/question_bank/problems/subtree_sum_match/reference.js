function countMatched(root) {
  let matched = 0;
  // Returns the sum of the subtree; height <= 700 keeps recursion safe.
  function walk(node) {
    if (!node) return 0;
    const below = walk(node.left) + walk(node.right);
    if (below === node.val) matched++;
    return below + node.val;
  }
  walk(root);
  return matched;
}
