function anagramTagGroups(tags) {
  const groups = new Map(); // sorted letters -> tags with those letters
  for (const tag of tags) {
    const key = tag.split("").sort().join("");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(tag);
  }
  return [...groups.values()];
}
