import fs from "node:fs";
import path from "node:path";

import ts from "typescript";
import { describe, expect, it } from "vitest";

import { mergeMessages, pickMessages, type MessagePath, type MessageTree } from "./client-messages";
import { loadMessages } from "./messages";

const en = loadMessages("en") as unknown as MessageTree;

describe("pickMessages", () => {
  const tree: MessageTree = { A: { x: "1", y: { z: "2" } }, B: { w: "3" }, c: { d: "4", e: "5" } };

  it("keeps the catalogue's shape for namespaces, nested parts and single messages", () => {
    expect(pickMessages(tree, ["B"] as unknown as MessagePath[])).toEqual({ B: { w: "3" } });
    expect(pickMessages(tree, ["A.y", "c.d"] as unknown as MessagePath[])).toEqual({ A: { y: { z: "2" } }, c: { d: "4" } });
    expect(pickMessages(tree, ["A.x", "A.y"] as unknown as MessagePath[])).toEqual({ A: { x: "1", y: { z: "2" } } });
  });

  it("throws on a path the catalogue does not have, and never changes the catalogue", () => {
    const before = JSON.stringify(tree);
    expect(() => pickMessages(tree, ["A.nope"] as unknown as MessagePath[])).toThrow(/A\.nope/);
    expect(() => pickMessages(tree, ["toString"] as unknown as MessagePath[])).toThrow();
    pickMessages(tree, ["A.x", "A.y", "A"] as unknown as MessagePath[]);
    expect(JSON.stringify(tree)).toBe(before);
  });

  it("types the paths against the English catalogue", () => {
    // @ts-expect-error: not a namespace of the catalogue (tsc fails when the type lets it through)
    expect(() => pickMessages(en, ["NoSuchNamespace"])).toThrow();
    // @ts-expect-error: not a message of the namespace
    expect(() => pickMessages(en, ["Dialog.noSuchKey"])).toThrow();
  });

  it("picks real namespaces from the loaded catalogue", () => {
    const picked = pickMessages(en, ["Dialog", "Notifications.bell", "errors.generic"]);
    expect(Object.keys(picked).sort()).toEqual(["Dialog", "Notifications", "errors"]);
    expect(Object.keys(picked.Notifications as MessageTree)).toEqual(["bell"]);
    expect(Object.keys(picked.errors as MessageTree)).toEqual(["generic"]);
  });
});

describe("mergeMessages", () => {
  it("adds deeply, without changing either side", () => {
    const base: MessageTree = { A: { x: "1" }, B: { w: "3" } };
    const added: MessageTree = { A: { y: "2" }, C: { v: "4" } };
    const baseBefore = JSON.stringify(base);
    const addedBefore = JSON.stringify(added);
    expect(mergeMessages(base, added)).toEqual({ A: { x: "1", y: "2" }, B: { w: "3" }, C: { v: "4" } });
    expect(JSON.stringify(base)).toBe(baseBefore);
    expect(JSON.stringify(added)).toBe(addedBefore);
  });
});

// ---------------------------------------------------------------------------
// The guard: every client component that can render on a route finds its
// messages in a declaration above it, and nothing else is declared.
//
// A route is an app/**/page.tsx with the layouts above it, or an error /
// not-found boundary with the layouts down to its folder. From each of its
// files the imports are followed; from the first "use client" file on,
// everything imported is client code (an import of a "use server" file is
// only a reference and is not followed; `import type` is erased). In
// client code:
// - useTranslations("Ns.part") needs "Ns.part";
// - a string literal that is a message key ("auth.password.required" in a
//   zod schema a form imports, "errors.generic"), or a template literal
//   starting with a namespace (`auth.password.${problem}`), needs that
//   message or namespace: the root translators (useTranslations()) show
//   such keys, and with `t.has` a missing one would silently become the
//   generic "not valid" instead of a MISSING_MESSAGE.
// Declared where a client module renders: the `namespaces` (literal arrays)
// of the <RootClientMessages>/<ClientMessages> in the layouts above its
// route and in every server component on the import path to it. A server
// component's declaration is taken to cover everything it imports, so
// wrap its whole output (or only the part that renders client code which
// no other declaration covers).
// ---------------------------------------------------------------------------

const ROOT = path.resolve(__dirname, "../..");
const APP = path.join(ROOT, "app");
const SHELL_BOUNDARIES = ["error.tsx", "not-found.tsx", "loading.tsx", "forbidden.tsx", "unauthorized.tsx"];
const DECLARING_ELEMENTS = new Set(["RootClientMessages", "ClientMessages"]);

type ModuleInfo = {
  file: string;
  directive: "use client" | "use server" | null;
  imports: string[];
  /** Namespaces of useTranslations("…"); "" for a root translator. */
  namespaces: string[];
  /** String literals that are message keys, and the static part of template literals that name a namespace. */
  keys: string[];
  /** <ClientMessages namespaces={[…]}>: the declared paths. */
  declarations: string[];
  problems: string[];
};

function isLeafKey(candidate: string): boolean {
  if (!/^[A-Za-z][\w-]*(\.[\w-]+)+$/.test(candidate)) return false;
  let node: unknown = en;
  for (const key of candidate.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as MessageTree)[key];
  }
  return typeof node === "string";
}

function isNamespace(candidate: string): boolean {
  let node: unknown = en;
  for (const key of candidate.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as MessageTree)[key];
  }
  return typeof node === "object";
}

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null; // JSON, CSS, …
}

const modules = new Map<string, ModuleInfo>();

function readModule(file: string): ModuleInfo {
  const cached = modules.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const info: ModuleInfo = { file, directive: null, imports: [], namespaces: [], keys: [], declarations: [], problems: [] };
  const where = (node: ts.Node) => `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    if (statement.expression.text === "use client" || statement.expression.text === "use server") info.directive = statement.expression.text;
  }

  const addImport = (specifier: string) => {
    const resolved = resolveImport(file, specifier);
    if (resolved) info.imports.push(resolved);
  };

  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) addImport(node.moduleSpecifier.text);
      return; // the specifier is not a message key
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) addImport(node.moduleSpecifier.text);
      return;
    }
    if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        addImport(node.arguments[0].text);
      }
      if (ts.isIdentifier(node.expression) && node.expression.text === "useTranslations") {
        const [arg] = node.arguments;
        if (!arg) info.namespaces.push("");
        else if (ts.isStringLiteralLike(arg)) info.namespaces.push(arg.text);
        else info.problems.push(`${where(node)}: useTranslations needs a literal namespace for the check`);
      }
    }
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      if (ts.isIdentifier(node.tagName) && DECLARING_ELEMENTS.has(node.tagName.text)) {
        const attribute = node.attributes.properties.find((p) => ts.isJsxAttribute(p) && p.name.getText() === "namespaces");
        const expression = attribute && ts.isJsxAttribute(attribute) && attribute.initializer && ts.isJsxExpression(attribute.initializer) ? attribute.initializer.expression : undefined;
        if (expression && ts.isArrayLiteralExpression(expression) && expression.elements.every(ts.isStringLiteralLike)) {
          info.declarations.push(...expression.elements.map((e) => (e as ts.StringLiteralLike).text));
        } else {
          info.problems.push(`${where(node)}: <${node.tagName.text} namespaces={[…]}> must be a literal array of strings`);
        }
      }
    }
    if (ts.isStringLiteralLike(node) && isLeafKey(node.text)) info.keys.push(node.text);
    // `auth.password.${problem}`: any message under "auth.password".
    if (ts.isTemplateExpression(node) && node.head.text.endsWith(".") && isNamespace(node.head.text.slice(0, -1))) {
      info.keys.push(node.head.text.slice(0, -1));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  modules.set(file, info);
  return info;
}

type Declaration = { path: string; file: string };
type Need = { path: string; file: string; declared: Declaration[] };

function isCovered(need: string, declaration: string): boolean {
  return need === declaration || need.startsWith(`${declaration}.`);
}

/**
 * What the client code reachable from a route's files needs, each need with
 * the declarations in force where it renders: those of the layouts above,
 * and those of every server component on the import path to it (a server
 * component's <ClientMessages> wraps what it renders).
 */
function analyseRoute(files: string[]) {
  const needs: Need[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, isClient: boolean, inherited: Declaration[]) => {
    const info = readModule(file);
    if (info.directive === "use server") return;
    const client = isClient || info.directive === "use client";
    let declared = inherited;
    if (client) {
      if (info.declarations.length > 0) problems.push(`${path.relative(ROOT, file)}: <ClientMessages> is a server component; declare in a server component above`);
    } else if (info.declarations.length > 0) {
      for (const d of info.declarations) {
        const above = inherited.find((a) => isCovered(d, a.path));
        if (above) problems.push(`${path.relative(ROOT, file)}: "${d}" is already declared in ${path.relative(ROOT, above.file)}`);
      }
      declared = [...inherited, ...info.declarations.map((d) => ({ path: d, file }))];
    }
    const key = `${client}:${file}:${declared.map((d) => `${d.file}#${d.path}`).join(",")}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(...info.problems);
    if (client) {
      for (const ns of info.namespaces) if (ns !== "") needs.push({ path: ns, file, declared });
      for (const k of info.keys) needs.push({ path: k, file, declared });
    }
    for (const imported of info.imports) walk(imported, client, declared);
  };
  // A layout wraps everything below it; the page and the boundaries are below
  // the layouts of their folder and above.
  files.forEach((file, index) => {
    const above = files.slice(0, index).flatMap((f) => readModule(f).declarations.map((d) => ({ path: d, file: f })));
    walk(file, false, above);
  });
  return { needs, problems };
}

type Route = { name: string; files: string[] };

/** Every route: its files from the root layout down. */
function listRoutes(): Route[] {
  const routes: Route[] = [];
  const visitDir = (dir: string, layouts: string[]) => {
    const here = [...layouts];
    for (const name of ["layout.tsx", "template.tsx"]) if (fs.existsSync(path.join(dir, name))) here.push(path.join(dir, name));
    const rel = path.relative(APP, dir);
    if (fs.existsSync(path.join(dir, "page.tsx"))) routes.push({ name: `/${rel}`, files: [...here, path.join(dir, "page.tsx")] });
    for (const boundary of SHELL_BOUNDARIES) {
      if (fs.existsSync(path.join(dir, boundary))) routes.push({ name: `app/${rel ? `${rel}/` : ""}${boundary}`, files: [...here, path.join(dir, boundary)] });
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== "api") visitDir(path.join(dir, entry.name), here);
    }
  };
  visitDir(APP, []);
  // global-error.tsx replaces the root layout: no provider at all above it.
  if (fs.existsSync(path.join(APP, "global-error.tsx"))) routes.push({ name: "app/global-error.tsx", files: [path.join(APP, "global-error.tsx")] });
  return routes;
}

describe("client messages on every route", () => {
  const routes = listRoutes();
  const analysed = routes.map((route) => ({ ...route, ...analyseRoute(route.files) }));
  const rootLayout = path.join(APP, "layout.tsx");

  it("finds the routes and the shell's declaration", () => {
    expect(routes.map((r) => r.name)).toEqual(expect.arrayContaining(["/", "/clusters", "/signin", "/o/[slug]/members", "app/error.tsx", "app/global-error.tsx"]));
    expect(readModule(rootLayout).declarations).toContain("LocaleSwitcher");
  });

  it("reads every declaration and namespace (literals, in server components, none twice on a path)", () => {
    expect([...new Set(analysed.flatMap((r) => r.problems))]).toEqual([]);
  });

  it("declares every namespace and message key the client components of a route use, above them", () => {
    const missing = analysed.flatMap((route) =>
      route.needs
        .filter((need) => !need.declared.some((d) => isCovered(need.path, d.path)))
        .map((need) => `${route.name}: "${need.path}" (${path.relative(ROOT, need.file)})`),
    );
    expect([...new Set(missing)]).toEqual([]);
  });

  it("declares nothing that no client component below it uses", () => {
    const used = new Set(
      analysed.flatMap((r) => r.needs.flatMap((n) => n.declared.filter((d) => isCovered(n.path, d.path)).map((d) => `${d.file}#${d.path}`))),
    );
    const declaredIn = [...modules.values()].filter((m) => m.directive !== "use client");
    const unused = declaredIn.flatMap((m) => m.declarations.filter((d) => !used.has(`${m.file}#${d}`)).map((d) => `${path.relative(ROOT, m.file)}: "${d}"`));
    expect(unused).toEqual([]);
  });

  it("gives the root layout only what the shell and its error pages use (it goes to every page)", () => {
    const shell = analysed.filter((r) => r.files.length === 2 && r.files[0] === rootLayout && !r.files[1]!.endsWith("page.tsx"));
    const shellNeeds = [...analyseRoute([rootLayout]).needs, ...shell.flatMap((r) => r.needs)];
    const pageOnly = readModule(rootLayout).declarations.filter((d) => !shellNeeds.some((n) => isCovered(n.path, d)));
    expect(pageOnly).toEqual([]);
  });
});
