/**
 * The candidate key: made by this browser, kept in localStorage, sent with every new session so the
 * server can add the interviews up into one progress history. No accounts: carrying the key (copied,
 * or as a link `/progress#key=…`) to another browser carries the history. The key travels in a URL
 * fragment, which browsers never send to a server, and otherwise only in the `X-Candidate-Key` header.
 */
const KEY_STORAGE = "mockmind:candidate-key";
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export function isCandidateKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

function newKey(): string {
  return globalThis.crypto.randomUUID().replaceAll("-", "") + globalThis.crypto.randomUUID().replaceAll("-", "").slice(0, 8);
}

/** This browser's key, made on first use. */
export function candidateKey(): string {
  try {
    const stored = window.localStorage.getItem(KEY_STORAGE);
    if (stored && isCandidateKey(stored)) return stored;
    const made = newKey();
    window.localStorage.setItem(KEY_STORAGE, made);
    return made;
  } catch {
    return newKey(); // storage disabled: this session still counts, the history just won't add up
  }
}

/** Adopts a key carried over from another browser; false when it is not a key. */
export function adoptCandidateKey(value: string): boolean {
  const key = value.trim();
  if (!isCandidateKey(key)) return false;
  window.localStorage.setItem(KEY_STORAGE, key);
  return true;
}

/** A link that carries the key to another browser (fragment: never sent to any server). */
export function candidateKeyLink(key: string, origin: string): string {
  return `${origin}/progress#key=${key}`;
}

/** The key in a `#key=…` fragment, if any. */
export function keyFromFragment(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get("key");
  return value && isCandidateKey(value) ? value : null;
}
