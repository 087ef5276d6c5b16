"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

import { Button, type ButtonProps } from "@/components/ui/button";

/** Ends this browser's session and goes to `callbackUrl` (a path on this site). */
export function SignOutButton({
  callbackUrl = "/",
  children,
  ...props
}: Omit<ButtonProps, "onClick" | "isLoading"> & { callbackUrl?: string }) {
  const [isPending, setIsPending] = useState(false);
  return (
    <Button
      {...props}
      isLoading={isPending}
      onClick={() => {
        if (isPending) return;
        setIsPending(true);
        void signOut({ callbackUrl }).catch(() => setIsPending(false));
      }}
    >
      {children}
    </Button>
  );
}
