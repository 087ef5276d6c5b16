/**
 * One Intl.NumberFormat per language for the directory's many counts (100
 * facet values and 20 rows a page): the same digits as next-intl's
 * `format.number`, without building and looking up a formatter per call.
 */
const formats = new Map<string, Intl.NumberFormat>();

export function formatCount(locale: string, value: number): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    formats.set(locale, format);
  }
  return format.format(value);
}
