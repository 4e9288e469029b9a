"use client";

import { useEffect, useRef } from "react";
import Editor, { type OnMount } from "@monaco-editor/react";
import { Loader2 } from "lucide-react";
import { useIsDark } from "@/components/theme-toggle";
import { MONACO_LANGUAGE } from "@/lib/display-names";
import { configureBundledMonaco } from "@/lib/monaco-setup";
import type { Language } from "@/lib/types";

configureBundledMonaco();

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

  const handleMount: OnMount = (editor, monaco) => {
    // Ctrl/Cmd+Enter runs the sample tests, as in most judges.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRunRef.current?.());
  };

  return (
    <div className="h-full min-h-0" data-testid="code-editor">
      <Editor
        height="100%"
        language={MONACO_LANGUAGE[language]}
        value={value}
        theme={dark ? "vs-dark" : "light"}
        onChange={handleChange}
        onMount={handleMount}
        loading={
          <span className="flex items-center gap-2 text-sm text-muted-foreground">
            <Loader2 className="size-4 animate-spin" aria-hidden /> Loading editor…
          </span>
        }
        options={{
          ariaLabel: "Code editor",
          fontSize: 14,
          minimap: { enabled: false },
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
