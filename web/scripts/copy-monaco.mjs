// Copies Monaco's own AMD build from the installed `monaco-editor` package into public/monaco/vs,
// so the editor and its web workers are served by the gateway with the rest of the export and no
// CDN is ever asked for them. (`@monaco-editor/react` is pointed at /monaco/vs in lib/monaco.ts.)
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const webRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const monacoPackage = dirname(require.resolve("monaco-editor/package.json"));
const { version } = JSON.parse(readFileSync(join(monacoPackage, "package.json"), "utf8"));
const target = join(webRoot, "public", "monaco");
const stamp = join(target, "VERSION");

if (existsSync(stamp) && readFileSync(stamp, "utf8") === version) {
  console.log(`monaco-editor ${version} already in public/monaco`);
} else {
  rmSync(target, { recursive: true, force: true });
  cpSync(join(monacoPackage, "min", "vs"), join(target, "vs"), { recursive: true });
  writeFileSync(stamp, version);
  console.log(`copied monaco-editor ${version} to public/monaco/vs`);
}
