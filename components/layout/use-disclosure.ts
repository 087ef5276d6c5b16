"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";

/**
 * A disclosure (button + panel of links) for the header menus, as the WAI
 * "disclosure navigation" pattern has it: the button says whether the panel
 * is open (aria-expanded); Escape closes it and puts focus back on the
 * button; a click outside or focus leaving the menu closes it.
 */
export function useDisclosure() {
  const [isOpen, setIsOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const close = useCallback((options: { returnFocus?: boolean } = {}) => {
    setIsOpen(false);
    if (options.returnFocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") close({ returnFocus: true });
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [isOpen, close]);

  return {
    isOpen,
    close,
    containerProps: {
      ref: containerRef,
      onBlur: (event: React.FocusEvent<HTMLDivElement>) => {
        const next = event.relatedTarget as Node | null;
        if (next && !event.currentTarget.contains(next)) setIsOpen(false);
      },
    },
    buttonProps: {
      ref: buttonRef,
      type: "button" as const,
      "aria-expanded": isOpen,
      "aria-controls": panelId,
      onClick: () => setIsOpen((open) => !open),
    },
    panelProps: { id: panelId, hidden: !isOpen },
  };
}
