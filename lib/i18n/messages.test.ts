import { describe, it, expect } from "vitest";

import { locales } from "./locale";
import { CATALOGUES, loadMessages } from "./messages";

const en = loadMessages("en");
const ru = loadMessages("ru");

type Tree = { [key: string]: string | Tree };

/** Every leaf as "a.b.c", so a missing key reads as a path in the failure. */
function leafPaths(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null || Array.isArray(tree)) {
    throw new Error(`${prefix || "root"} must be an object of strings`);
  }
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [path] : leafPaths(value, path);
  });
}

function leafValues(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === "string" ? [value] : leafValues(value)));
}

/** ICU placeholders such as {year} or {count, plural, ...}: argument names only. */
function placeholders(message: string): string[] {
  const names = [...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1] ?? "");
  return [...new Set(names)].sort();
}

function get(tree: Tree, path: string): string | undefined {
  const value = path
    .split(".")
    .reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Tree)[key] : undefined), tree);
  return typeof value === "string" ? value : undefined;
}

const catalogues: Record<(typeof locales)[number], Tree> = { en, ru };

describe("messages", () => {
  it("has the same files for every language, and no namespace in two files", () => {
    const files = Object.keys(CATALOGUES.en).sort();
    for (const locale of locales) expect(Object.keys(CATALOGUES[locale]).sort()).toEqual(files);
    const namespaces = Object.values(CATALOGUES.en).flatMap((file) => Object.keys(file));
    expect(namespaces.filter((ns, i) => namespaces.indexOf(ns) !== i)).toEqual([]);
  });

  it("has a catalogue for every supported locale", () => {
    expect(Object.keys(catalogues).sort()).toEqual([...locales].sort());
  });

  it("en.json and ru.json have exactly the same keys", () => {
    const enKeys = leafPaths(en).sort();
    const ruKeys = leafPaths(ru).sort();
    expect(ruKeys.filter((k) => !enKeys.includes(k)), "keys only in ru.json").toEqual([]);
    expect(enKeys.filter((k) => !ruKeys.includes(k)), "keys only in en.json").toEqual([]);
  });

  it.each(Object.entries(catalogues))("%s.json has no empty values", (_locale, tree) => {
    const empty = leafPaths(tree).filter((path) => (get(tree, path) ?? "").trim() === "");
    expect(empty).toEqual([]);
    expect(leafValues(tree).length).toBeGreaterThan(0);
  });

  it("translations use the same placeholders as English", () => {
    const mismatched = leafPaths(en).filter((path) => {
      const ruValue = get(ru, path);
      return ruValue !== undefined && placeholders(get(en, path) ?? "").join() !== placeholders(ruValue).join();
    });
    expect(mismatched).toEqual([]);
  });
});
