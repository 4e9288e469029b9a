function prefixCounts(titles, prefixes) {
  // Trie nodes: { children: Map<letter, node>, passing: number of titles through this node }.
  const newNode = () => ({ children: new Map(), passing: 0 });
  const root = newNode();
  for (const title of titles) {
    let node = root;
    node.passing++;
    for (const letter of title) {
      if (!node.children.has(letter)) node.children.set(letter, newNode());
      node = node.children.get(letter);
      node.passing++;
    }
  }
  return prefixes.map((prefix) => {
    let node = root;
    for (const letter of prefix) {
      node = node.children.get(letter);
      if (!node) return 0;
    }
    return node.passing;
  });
}
