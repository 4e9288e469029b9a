/**
 * Points `@monaco-editor/react` at the copy of Monaco that ships with this build (public/monaco/vs,
 * copied from the `monaco-editor` package by scripts/copy-monaco.mjs). Without this the loader would
 * fetch Monaco from a CDN, and the gateway has no network.
 */
import { loader } from "@monaco-editor/react";

let configured = false;

export function configureBundledMonaco(): void {
  if (configured || typeof window === "undefined") return;
  const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? "";
  loader.config({ paths: { vs: `${window.location.origin}${basePath}/monaco/vs` } });
  configured = true;
}
