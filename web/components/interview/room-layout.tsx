"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Code2, FileText, Menu, MessagesSquare, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/class-names";

export type Pane = "problem" | "code" | "chat";

const PANES: { id: Pane; label: string; icon: typeof FileText }[] = [
  { id: "problem", label: "Problem", icon: FileText },
  { id: "code", label: "Code", icon: Code2 },
  { id: "chat", label: "Chat", icon: MessagesSquare },
];

/**
 * Below 1024 px the room shows one pane at a time; these tabs switch between them (WAI-ARIA tabs:
 * arrow keys move between tabs). From 1024 px all three panes are side by side and the tabs hide.
 */
export function PaneTabs({ current, onSelect, unreadChat }: { current: Pane; onSelect: (pane: Pane) => void; unreadChat: boolean }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = PANES.findIndex((pane) => pane.id === current);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = PANES[(index + step + PANES.length) % PANES.length].id;
    onSelect(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Interview panes" className="grid grid-cols-3 border-b bg-card lg:hidden" onKeyDown={onKeyDown} data-testid="pane-tabs">
      {PANES.map(({ id, label, icon: Icon }) => (
        <button
          key={id}
          id={`tab-${id}`}
          type="button"
          role="tab"
          aria-selected={current === id}
          aria-controls={`pane-${id}`}
          tabIndex={current === id ? 0 : -1}
          onClick={() => onSelect(id)}
          className={cn(
            "flex min-h-11 items-center justify-center gap-1.5 border-b-2 text-sm font-medium focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring",
            current === id ? "border-primary text-foreground" : "border-transparent text-muted-foreground",
          )}
        >
          <Icon className="size-4" aria-hidden />
          {label}
          {id === "chat" && unreadChat ? (
            <>
              <span className="size-2 rounded-full bg-primary" aria-hidden />
              <span className="sr-only">(new messages)</span>
            </>
          ) : null}
        </button>
      ))}
    </div>
  );
}

/** The header's secondary actions below 1280 px, behind a menu button; Esc or a click outside closes it. */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof globalThis.KeyboardEvent) {
        if (event.key !== "Escape") return;
        setOpen(false);
        toggle.current?.focus();
        return;
      }
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", close);
    document.addEventListener("pointerdown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("pointerdown", close);
    };
  }, [open]);

  return (
    <div ref={root} className="relative xl:hidden">
      <Button
        ref={toggle}
        variant="ghost"
        size="icon"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label="More actions"
        onClick={() => setOpen((value) => !value)}
        data-testid="header-menu-button"
      >
        {open ? <X aria-hidden /> : <Menu aria-hidden />}
      </Button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 top-full z-40 mt-2 flex w-[min(20rem,calc(100vw-1.5rem))] flex-col gap-3 rounded-lg border bg-card p-3 shadow-lg"
        data-testid="header-menu"
      >
        {children}
      </div>
    </div>
  );
}
