import type { ReactNode } from "react";

import { FormAlert } from "./form-alert";

/** What a page opened from an e-mail link shows when the link is unknown, spent or stale. */
export function TokenProblem({ message, children }: { message: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col gap-6">
      <FormAlert>{message}</FormAlert>
      {children}
    </div>
  );
}
