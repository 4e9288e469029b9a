"use client";

import { useEffect, useRef } from "react";
import Editor, { type BeforeMount, type OnMount } from "@monaco-editor/react";
import { Loader2 } from "lucide-react";
import { useIsDark } from "@/components/theme-toggle";
import { useMediaQuery } from "@/hooks/use-media-query";
import { MONACO_LANGUAGE } from "@/lib/display-names";
import { configureBundledMonaco } from "@/lib/monaco-setup";
import type { Language } from "@/lib/types";

configureBundledMonaco();

/**
 * Monaco's stock line numbers are too faint (1.75:1 on white), and a few stock token colours too
 * (dark comments #608B4E are 4.0:1); these pass WCAG AA (≥ 4.5:1) on each theme's background:
 * #5c6370 on #fffffe is 6.0:1, #a6adbb on #1e1e1e is 7.4:1, #7faf6f on #1e1e1e is 6.6:1.
 */
const LIGHT_THEME = "mockmind-light";
const DARK_THEME = "mockmind-dark";
const defineThemes: BeforeMount = (monaco) => {
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: "vs",
    inherit: true,
    rules: [{ token: "annotation", foreground: "5c5c5c" }],
    colors: {
      "editorLineNumber.foreground": "#5c6370",
      "editorLineNumber.activeForeground": "#1f2328",
      "editorLineNumber.dimmedForeground": "#5c6370",
    },
  });
  monaco.editor.defineTheme(DARK_THEME, {
    base: "vs-dark",
    inherit: true,
    rules: [
      { token: "comment", foreground: "7faf6f" },
      { token: "variable.predefined", foreground: "8fb3e8" },
      { token: "regexp", foreground: "d49ac0" },
    ],
    colors: {
      "editorLineNumber.foreground": "#a6adbb",
      "editorLineNumber.activeForeground": "#f0f3f6",
      "editorLineNumber.dimmedForeground": "#a6adbb",
    },
  });
};

/** How long after the last keystroke the interviewer gets a snapshot of the code. */
export const SNAPSHOT_DEBOUNCE_MS = 1_500;

interface CodeEditorProps {
  language: Language;
  value: string;
  onChange: (code: string) => void;
  onSnapshot: (code: string) => void;
  onRunShortcut?: () => void;
}

export function CodeEditor({ language, value, onChange, onSnapshot, onRunShortcut }: CodeEditorProps) {
  const dark = useIsDark();
  // On a narrow screen long lines wrap, so code can be read without scrolling sideways.
  const narrow = useMediaQuery("(max-width: 1023px)");
  const snapshotTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onSnapshotRef = useRef(onSnapshot);
  onSnapshotRef.current = onSnapshot;
  const onRunRef = useRef(onRunShortcut);
  onRunRef.current = onRunShortcut;

  useEffect(() => () => {
    if (snapshotTimer.current) clearTimeout(snapshotTimer.current);
  }, []);

  const handleChange = (next: string | undefined) => {
    const code = next ?? "";
    onChange(code);
    if (snapshotTimer.current) clearTimeout(snapshotTimer.current);
    snapshotTimer.current = setTimeout(() => onSnapshotRef.current(code), SNAPSHOT_DEBOUNCE_MS);
  };

  const container = useRef<HTMLDivElement>(null);

  const handleMount: OnMount = (editor, monaco) => {
    // Ctrl/Cmd+Enter runs the sample tests, as in most judges.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRunRef.current?.());
    // Tab indents; Esc then Tab (or Shift+Tab) leaves the editor, besides Monaco's own Ctrl+M toggle.
    let escaped = false;
    editor.onKeyDown((event) => {
      if (event.keyCode === monaco.KeyCode.Escape) {
        escaped = true;
        return;
      }
      if (escaped && event.keyCode === monaco.KeyCode.Tab && container.current) {
        event.preventDefault();
        event.stopPropagation();
        focusOutside(container.current, event.shiftKey ? "backward" : "forward");
      }
      escaped = false;
    });
  };

  return (
    <div ref={container} className="h-full min-h-0" data-testid="code-editor">
      <Editor
        height="100%"
        language={MONACO_LANGUAGE[language]}
        value={value}
        theme={dark ? DARK_THEME : LIGHT_THEME}
        beforeMount={defineThemes}
        onChange={handleChange}
        onMount={handleMount}
        loading={
          <span className="flex items-center gap-2 text-sm text-muted-foreground">
            <Loader2 className="size-4 animate-spin" aria-hidden /> Loading editor…
          </span>
        }
        options={{
          ariaLabel: "Code editor. Press Ctrl+M then Tab, or Escape then Tab, to leave the editor.",
          fontSize: 14,
          minimap: { enabled: false },
          wordWrap: narrow ? "on" : "off",
          scrollBeyondLastLine: false,
          automaticLayout: true,
          tabSize: 4,
          padding: { top: 12 },
          renderLineHighlight: "line",
          fixedOverflowWidgets: true,
          // Tab moves focus out of the editor after Ctrl+M, Monaco's standard accessibility toggle.
          accessibilitySupport: "auto",
        }}
      />
    </div>
  );
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Moves focus to the next (or previous) focusable element outside `container`, in page order. */
function focusOutside(container: HTMLElement, direction: "forward" | "backward"): void {
  const candidates = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !container.contains(element) && element.offsetParent !== null,
  );
  const after = (element: HTMLElement) => Boolean(container.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
  const target = direction === "forward" ? candidates.find(after) : candidates.filter((element) => !after(element)).at(-1);
  target?.focus();
}
