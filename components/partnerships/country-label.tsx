import { cn } from "@/lib/utils/cn";

/**
 * The flag of an ISO 3166-1 alpha-2 code as an emoji (two regional indicator
 * symbols): no image, no network. Systems without flag glyphs show the two
 * letters, which is why the name is always written next to it.
 */
export function countryFlag(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return "";
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

export function CountryLabel({ code, name, className }: { code: string; name: string; className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-1.5 whitespace-nowrap", className)}>
      <span aria-hidden="true">{countryFlag(code)}</span>
      <span>{name}</span>
    </span>
  );
}
