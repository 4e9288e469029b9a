/**
 * Test inputs and outputs travel as JSON; the candidate reads them in the language they write:
 * Python `None`/`True`/`'a'`, JavaScript `null`/`true`, Java `null`, C++ `{1, 2}`/`nullptr`, Go `nil`/`[1 2]`.
 */
import type { Language } from "./types";

interface Conventions {
  none: string;
  bool: (value: boolean) => string;
  string: (value: string) => string;
  list: (items: string[]) => string;
  map: (entries: [string, string][]) => string;
}

const doubleQuoted = (value: string) => JSON.stringify(value);

const CONVENTIONS: Record<Language, Conventions> = {
  python: {
    none: "None",
    bool: (value) => (value ? "True" : "False"),
    string: pythonString,
    list: (items) => `[${items.join(", ")}]`,
    map: (entries) => `{${entries.map(([key, value]) => `${key}: ${value}`).join(", ")}}`,
  },
  javascript: {
    none: "null",
    bool: String,
    string: doubleQuoted,
    list: (items) => `[${items.join(", ")}]`,
    map: (entries) => `{${entries.map(([key, value]) => `${key}: ${value}`).join(", ")}}`,
  },
  java: {
    none: "null",
    bool: String,
    string: doubleQuoted,
    list: (items) => `[${items.join(", ")}]`,
    map: (entries) => `{${entries.map(([key, value]) => `${key}=${value}`).join(", ")}}`,
  },
  cpp: {
    none: "nullptr",
    bool: String,
    string: doubleQuoted,
    list: (items) => `{${items.join(", ")}}`,
    map: (entries) => `{${entries.map(([key, value]) => `{${key}, ${value}}`).join(", ")}}`,
  },
  go: {
    none: "nil",
    bool: String,
    string: doubleQuoted,
    list: (items) => `[${items.join(" ")}]`,
    map: (entries) => `map[${entries.map(([key, value]) => `${key}:${value}`).join(" ")}]`,
  },
};

/** Python's repr of a str: single quotes unless the text holds one and no double quote. */
function pythonString(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const escaped = value
    .replaceAll("\\", "\\\\")
    .replaceAll("\n", "\\n")
    .replaceAll("\t", "\\t")
    .replaceAll(quote, `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** One value as the candidate's language writes it. Unknown languages fall back to JSON. */
export function formatValue(value: unknown, language: Language | null = null): string {
  if (!language) return JSON.stringify(value) ?? "undefined";
  const style = CONVENTIONS[language];
  const render = (current: unknown): string => {
    if (current === null || current === undefined) return style.none;
    if (typeof current === "boolean") return style.bool(current);
    if (typeof current === "string") return style.string(current);
    if (typeof current === "number") return formatNumber(current, language);
    if (Array.isArray(current)) return style.list(current.map(render));
    if (typeof current === "object") {
      return style.map(Object.entries(current as Record<string, unknown>).map(([key, item]) => [style.string(key), render(item)]));
    }
    return String(current);
  };
  return render(value);
}

function formatNumber(value: number, language: Language): string {
  if (Number.isFinite(value)) return String(value);
  if (Number.isNaN(value)) return language === "python" ? "nan" : "NaN";
  const sign = value < 0 ? "-" : "";
  return language === "python" ? `${sign}inf` : `${sign}Infinity`;
}

/** `name = value` pairs of a test's input, in the candidate's language. */
export function formatInput(input: Record<string, unknown>, language: Language | null): string {
  return Object.entries(input)
    .map(([name, value]) => `${name} = ${formatValue(value, language)}`)
    .join(", ");
}
