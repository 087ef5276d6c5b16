import { cn } from "@/lib/utils/cn";

/** The form-level message of a failed action; announced when it appears. */
export function FormAlert({ message, className }: { message: string | null | undefined; className?: string }) {
  // The live region exists before its text, so screen readers announce the text.
  return (
    <div role="alert" className={cn(message ? "rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only", className)}>
      {message}
    </div>
  );
}
