const PARTNER = { ")": "(", "]": "[", "}": "{", ">": "<" };

function balancedBracketsLint(s) {
  const open = [];
  for (const ch of s) {
    if (ch === "(" || ch === "[" || ch === "{" || ch === "<") {
      open.push(ch);
    } else if (ch in PARTNER) {
      if (open.length === 0 || open.pop() !== PARTNER[ch]) return false;
    }
  }
  return open.length === 0;
}
