export type ClassValue = string | null | false | undefined | ClassValue[];

/**
 * Joins class names, skipping falsy values and flattening arrays.
 * It does not resolve Tailwind conflicts (no tailwind-merge): primitives keep
 * their own classes free of the things callers usually set (width, margin),
 * so a caller's `className` adds rather than fights.
 */
export function cn(...values: ClassValue[]): string {
  const out: string[] = [];
  for (const value of values) {
    if (!value) continue;
    if (Array.isArray(value)) {
      const nested = cn(...value);
      if (nested) out.push(nested);
    } else {
      out.push(value);
    }
  }
  return out.join(" ");
}
