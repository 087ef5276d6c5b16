/**
 * Hostile input for tests: the XSS corpus the end-to-end test types into
 * forms, and fast-check generators of what an attacker or a broken client can
 * send to a server action or a route (any value React can serialise, wrong
 * types, missing fields, strings up to 100 kB, deep nesting, unicode that
 * breaks naive code). Test-only: nothing in the app imports it.
 */
import fc from "fast-check";

/** Markup and links that must show as text wherever they appear (pages, e-mails). */
export const XSS_CORPUS = [
  `<script>alert("xss-script")</script>`,
  `<img src=x onerror=alert("xss-img")>`,
  `"><svg onload=alert("xss-svg")>`,
  `'><iframe src="javascript:alert('xss-iframe')"></iframe>`,
  `[click me](javascript:alert("xss-md"))`,
  `<a href="javascript:alert('xss-a')">link</a>`,
  `</title></textarea></script><script>alert("xss-break")</script>`,
  `{{constructor.constructor('alert("xss-tpl")')()}}`,
  `\${alert("xss-tpl2")}`,
  `<style>@import "javascript:alert('xss-css')"</style>`,
] as const;

/** Website values that must never be stored as a link. */
export const SCRIPT_URLS = [
  "javascript:alert(1)",
  "JavaScript:alert(document.cookie)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "javascript://example.com/%0Aalert(1)",
] as const;

/** Strings that break naive code: NUL (PostgreSQL refuses it), lone surrogates, direction marks, joiners, combining marks. */
export const UNICODE_EDGE_CASES = [
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF",
  "x\uD83D",
  "\uDE00y",
  "\u200F\u202Eevil\u202C",
  "\u202Etxt.exe",
  "\uFEFF",
  "\u200B\u200C\u200D",
  "👩‍👩‍👧‍👦",
  "🏳️‍🌈",
  "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
  "Z̴̡̪̫͖̥͕̓̽̈́a̶̢̛̱̓l̴̰͐g̶̱̈́o̷̧͝",
  "\r\nSet-Cookie: x=1",
  "%00%0d%0a",
  "İıßẞǅ",
  "ﷺ",
  "\u0085\u2028\u2029",
  "../../../etc/passwd",
  "' OR '1'='1' --",
  "\\",
  '"',
  "",
  " ",
] as const;

const pieces = fc.oneof(
  fc.constantFrom(...UNICODE_EDGE_CASES, ...XSS_CORPUS, ...SCRIPT_URLS),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ maxLength: 20 }),
);

/** A string up to 100 kB, made of hostile pieces, unicode or the same character repeated. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join("")) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("a", "я", "😀", "\u0000", "<", "e\u0301", "\uD800"), fc.integer({ min: 1_000, max: 50_000 }))
        .map(([unit, times]) => unit.repeat(times).slice(0, 100_000)),
    },
  );
}

/** An object or array nested hundreds of levels deep. */
export function deepValue(): fc.Arbitrary<unknown> {
  return fc.tuple(fc.integer({ min: 50, max: 2_000 }), fc.boolean()).map(([depth, asArray]) => {
    let value: unknown = "bottom";
    for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
    return value;
  });
}

/** Objects that try to reach the prototype, as JSON.parse and React's decoder build them. */
export const PROTOTYPE_POLLUTION: unknown[] = [
  JSON.parse('{"__proto__":{"isPlatformAdmin":true,"role":"OWNER"}}'),
  JSON.parse('{"constructor":{"prototype":{"isPlatformAdmin":true}}}'),
];

/**
 * Anything a client can send where one value is expected: what JSON.parse
 * and React's server-action decoder can produce (Date, Map, Set, BigInt,
 * typed arrays, sparse arrays, undefined, NaN…). Not objects without a
 * prototype or boxed strings: no request can carry them, and zod 4's length
 * checks throw on `{ length: Object.create(null) }`.
 */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileString() },
    {
      weight: 3,
      arbitrary: fc.anything({
        maxDepth: 3,
        maxKeys: 6,
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
        withSparseArray: true,
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, NaN, -0, Infinity, -1, 2 ** 53, 1e308, true, false, [], {}, ...PROTOTYPE_POLLUTION) },
    { weight: 1, arbitrary: deepValue() },
  );
}

/**
 * An object built from the given keys: all of them plausible (to get past
 * the schema into the code behind it), or plausible but for one to three
 * hostile values, or only some keys, or extra keys; or, now and then, no
 * object at all.
 */
export function hostilePayload(plausible: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const keys = Object.keys(plausible);
  const valid = fc.record(plausible);
  if (keys.length === 0) return fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: hostileValue() });
  const mutated = fc
    .tuple(valid, fc.uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: Math.min(3, keys.length) }), fc.array(hostileValue(), { minLength: 3, maxLength: 3 }))
    .map(([record, spoilt, values]) => {
      const copy: Record<string, unknown> = { ...record };
      spoilt.forEach((key, index) => (copy[key] = values[index]));
      return copy;
    });
  const some = fc.record(plausible, { requiredKeys: [] });
  const withExtra = fc
    .tuple(valid, fc.dictionary(fc.string({ maxLength: 12 }), hostileValue(), { maxKeys: 3 }))
    .map(([record, extra]) => ({ ...extra, ...record }));
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 4, arbitrary: mutated },
    { weight: 1, arbitrary: some },
    { weight: 1, arbitrary: withExtra },
    { weight: 1, arbitrary: hostileValue() },
  );
}

/** A query string of hostile keys and values, encoded as a browser or a script would send it. */
export function hostileQuery(keys: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 10 }));
  const value = fc.oneof(hostileString(), fc.integer().map(String), fc.constantFrom("", "-1", "1e309", "NaN", "0x10", "[]", "{}"));
  const safeEncode = (text: string) => {
    try {
      return encodeURIComponent(text);
    } catch {
      // A lone surrogate cannot be encoded: send it as raw bytes would arrive (invalid UTF-8).
      return "%ED%A0%80";
    }
  };
  return fc
    .array(fc.tuple(key, value, fc.boolean()), { maxLength: 8 })
    .map((pairs) => pairs.map(([k, v, raw]) => `${safeEncode(k)}=${raw ? v.replace(/[#&\s]/g, "") : safeEncode(v)}`).join("&"));
}
