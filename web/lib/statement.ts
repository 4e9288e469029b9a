/**
 * How a problem statement is laid out on screen: each example once, in one format. A statement's
 * numbered "**Example N**" code block is replaced by sample test N rendered in the candidate's
 * language; an unnumbered "**Example**" (design problems: a call sequence) stays as written and stands
 * for the first sample; samples the statement doesn't show follow it.
 */
export type StatementPart = { kind: "markdown"; text: string } | { kind: "sample"; index: number };

const EXAMPLE_BLOCK = /^[ \t]*\*\*Example(?:[ \t]+(\d+))?:?\*\*:?[ \t]*\n+[ \t]*```[^\n]*\n[\s\S]*?\n[ \t]*```[ \t]*(?:\n|$)/gm;

export function splitStatement(markdown: string, sampleCount: number): { parts: StatementPart[]; extraSamples: number[] } {
  const parts: StatementPart[] = [];
  const shown = new Set<number>();
  let cursor = 0;
  for (const match of markdown.matchAll(EXAMPLE_BLOCK)) {
    const number = match[1] ? Number(match[1]) : null;
    const index = (number ?? 1) - 1;
    if (number === null || index >= sampleCount || shown.has(index)) {
      shown.add(index); // an authored example: kept as written, and its sample is not repeated below
      continue;
    }
    parts.push({ kind: "markdown", text: markdown.slice(cursor, match.index) });
    parts.push({ kind: "sample", index });
    shown.add(index);
    cursor = match.index + match[0].length;
  }
  parts.push({ kind: "markdown", text: markdown.slice(cursor) });
  const extraSamples = Array.from({ length: sampleCount }, (_, index) => index).filter((index) => !shown.has(index));
  return { parts: parts.filter((part) => part.kind === "sample" || part.text.trim() !== ""), extraSamples };
}

/** A piece of text with powers marked: "n <= 10^5" → ["n <= ", {base: "10", exponent: "5"}]. */
export type TextPiece = string | { base: string; exponent: string };

const POWER = /(\d+)\^(\{[^}]*\}|-?\d+)/g;

export function splitPowers(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let cursor = 0;
  for (const match of text.matchAll(POWER)) {
    if (match.index > cursor) pieces.push(text.slice(cursor, match.index));
    pieces.push({ base: match[1], exponent: match[2].replace(/^\{|\}$/g, "") });
    cursor = match.index + match[0].length;
  }
  if (cursor < text.length) pieces.push(text.slice(cursor));
  return pieces;
}
