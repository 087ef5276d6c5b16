import type { ReactNode } from "react";

import { Alert } from "@/components/ui/alert";

/** What a page opened from an e-mail link shows when the link is unknown, spent or stale. */
export function TokenProblem({ message, children }: { message: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col gap-6">
      <Alert>{message}</Alert>
      {children}
    </div>
  );
}
