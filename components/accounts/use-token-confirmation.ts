"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

import type { ActionResult } from "@/lib/actions/action";

export type TokenConfirmationState =
  | { kind: "idle" }
  | { kind: "done"; email: string }
  | { kind: "error"; message: string };

/**
 * Spends an e-mail link's token with a POST (a server action), so a mail
 * scanner that opens the link spends nothing. A double click sends once.
 */
export function useTokenConfirmation(
  token: string,
  action: (input: { token: string }) => Promise<ActionResult<{ email: string }>>,
) {
  const root = useTranslations();
  const inFlight = useRef(false);
  const [isPending, setIsPending] = useState(false);
  const [state, setState] = useState<TokenConfirmationState>({ kind: "idle" });

  async function confirm() {
    if (inFlight.current) return;
    inFlight.current = true;
    setIsPending(true);
    try {
      const result = await action({ token });
      setState(result.ok ? { kind: "done", email: result.data.email } : { kind: "error", message: result.error });
    } catch {
      setState({ kind: "error", message: root("errors.generic") });
    } finally {
      inFlight.current = false;
      setIsPending(false);
    }
  }

  return { state, isPending, confirm };
}
