import { describe, it, expect } from "vitest";

import {
  countPages,
  DEFAULT_PER_PAGE,
  MAX_PAGE,
  parsePage,
  parsePerPage,
  parseSort,
  parseTableState,
  serializeSort,
  serializeTableState,
  tableHref,
  toSkipTake,
} from "./data-table-state";

describe("parsePage", () => {
  it("reads positive integers", () => {
    expect(parsePage("1")).toBe(1);
    expect(parsePage("7")).toBe(7);
    expect(parsePage(" 12 ")).toBe(12);
  });

  it("turns missing, negative, zero and garbage into page 1", () => {
    for (const raw of [undefined, null, "", "0", "-1", "-0", "abc", "NaN", "Infinity", "1;DROP TABLE", "[]"]) {
      expect(parsePage(raw), String(raw)).toBe(1);
    }
  });

  it("floors fractions and clamps huge pages", () => {
    expect(parsePage("2.7")).toBe(2);
    expect(parsePage("1e9")).toBe(MAX_PAGE);
    expect(parsePage(String(Number.MAX_SAFE_INTEGER))).toBe(MAX_PAGE);
    expect(parsePage("9".repeat(400))).toBe(1);
  });
});

describe("parsePerPage", () => {
  it("accepts the offered page sizes", () => {
    expect(parsePerPage("10")).toBe(10);
    expect(parsePerPage("50")).toBe(50);
    expect(parsePerPage("100")).toBe(100);
  });

  it("clamps oversized requests to the largest size", () => {
    expect(parsePerPage("1e9")).toBe(100);
    expect(parsePerPage("1000000000")).toBe(100);
    expect(parsePerPage("101")).toBe(100);
  });

  it("falls back to the default for anything else", () => {
    for (const raw of [undefined, "", "0", "-5", "7", "33", "abc", "Infinity"]) {
      expect(parsePerPage(raw), String(raw)).toBe(DEFAULT_PER_PAGE);
    }
  });

  it("honours custom options", () => {
    const options = { perPageOptions: [5, 25], defaultPerPage: 5 };
    expect(parsePerPage("25", options)).toBe(25);
    expect(parsePerPage("20", options)).toBe(5);
    expect(parsePerPage("500", options)).toBe(25);
  });
});

describe("parseSort", () => {
  it("reads column.direction", () => {
    expect(parseSort("name.asc")).toEqual({ id: "name", desc: false });
    expect(parseSort("country.DESC")).toEqual({ id: "country", desc: true });
    expect(parseSort("profile.name.desc")).toEqual({ id: "profile.name", desc: true });
  });

  it("rejects garbage", () => {
    for (const raw of ["garbage", "name.", ".asc", "name.up", "na me.asc", "1name.asc", "name;--.asc", "x".repeat(100) + ".asc"]) {
      expect(parseSort(raw), raw).toBeNull();
    }
  });

  it("only allows the sortable columns when a list is given", () => {
    const options = { sortable: ["name", "country"] as const };
    expect(parseSort("country.desc", options)).toEqual({ id: "country", desc: true });
    expect(parseSort("passwordHash.asc", options)).toBeNull();
  });

  it("uses the default sort when the URL has none or a bad one", () => {
    const options = { sortable: ["name", "createdAt"] as const, defaultSort: { id: "createdAt", desc: true } as const };
    expect(parseSort(undefined, options)).toEqual({ id: "createdAt", desc: true });
    expect(parseSort("secret.asc", options)).toEqual({ id: "createdAt", desc: true });
    expect(parseSort("name.asc", options)).toEqual({ id: "name", desc: false });
  });

  it("round-trips through serializeSort", () => {
    expect(serializeSort({ id: "name", desc: false })).toBe("name.asc");
    expect(serializeSort({ id: "name", desc: true })).toBe("name.desc");
    expect(serializeSort(null)).toBeUndefined();
    expect(parseSort(serializeSort({ id: "a.b", desc: true }))).toEqual({ id: "a.b", desc: true });
  });
});

describe("parseTableState", () => {
  it("reads URLSearchParams", () => {
    expect(parseTableState(new URLSearchParams("page=3&perPage=50&sort=name.desc"))).toEqual({
      page: 3,
      perPage: 50,
      sort: { id: "name", desc: true },
    });
  });

  it("reads a Next.js searchParams record, taking the first of repeated keys", () => {
    expect(parseTableState({ page: ["2", "9"], perPage: undefined, sort: "name.asc", q: "medtech" })).toEqual({
      page: 2,
      perPage: DEFAULT_PER_PAGE,
      sort: { id: "name", desc: false },
    });
  });

  it("gives safe defaults for the brief's bad values", () => {
    expect(parseTableState({ page: "-1", perPage: "1e9", sort: "garbage" })).toEqual({
      page: 1,
      perPage: 100,
      sort: null,
    });
    expect(parseTableState(undefined)).toEqual({ page: 1, perPage: DEFAULT_PER_PAGE, sort: null });
  });
});

describe("serializeTableState", () => {
  it("keeps other parameters and leaves defaults out", () => {
    const params = serializeTableState(
      { page: 1, perPage: DEFAULT_PER_PAGE, sort: null },
      new URLSearchParams("q=agro&country=BR&page=4&sort=name.asc"),
    );
    expect(params.toString()).toBe("q=agro&country=BR");
  });

  it("writes non-default values", () => {
    const params = serializeTableState({ page: 2, perPage: 50, sort: { id: "name", desc: true } }, { q: "x" });
    expect(Object.fromEntries(params)).toEqual({ q: "x", page: "2", perPage: "50", sort: "name.desc" });
  });

  it("omits the default sort", () => {
    const defaultSort = { id: "createdAt", desc: true };
    expect(serializeTableState({ page: 1, perPage: 20, sort: { id: "createdAt", desc: true } }, null, { defaultSort }).toString()).toBe("");
    expect(serializeTableState({ page: 1, perPage: 20, sort: { id: "createdAt", desc: false } }, null, { defaultSort }).toString()).toBe(
      "sort=createdAt.asc",
    );
  });

  it("does not mutate the params it was given", () => {
    const current = new URLSearchParams("page=3");
    serializeTableState({ page: 1, perPage: 20, sort: null }, current);
    expect(current.toString()).toBe("page=3");
  });
});

describe("tableHref", () => {
  const current = new URLSearchParams("q=medtech&page=3&perPage=50&sort=name.asc");

  it("moves between pages keeping everything else", () => {
    expect(tableHref("/clusters", current, { page: 4 })).toBe("/clusters?q=medtech&page=4&perPage=50&sort=name.asc");
    expect(tableHref("/clusters", current, { page: 1 })).toBe("/clusters?q=medtech&perPage=50&sort=name.asc");
  });

  it("goes back to page 1 when the sort or page size changes", () => {
    expect(tableHref("/clusters", current, { sort: { id: "country", desc: false } })).toBe(
      "/clusters?q=medtech&perPage=50&sort=country.asc",
    );
    expect(tableHref("/clusters", current, { perPage: 10 })).toBe("/clusters?q=medtech&perPage=10&sort=name.asc");
    expect(tableHref("/clusters", current, { sort: null })).toBe("/clusters?q=medtech&perPage=50");
  });

  it("keeps the page when the patch repeats the current sort", () => {
    expect(tableHref("/clusters", current, { sort: { id: "name", desc: false } })).toBe(
      "/clusters?q=medtech&page=3&perPage=50&sort=name.asc",
    );
  });

  it("clamps out-of-range page numbers", () => {
    expect(tableHref("/clusters", null, { page: 0 })).toBe("/clusters");
    expect(tableHref("/clusters", null, { page: -3 })).toBe("/clusters");
    expect(tableHref("/clusters", null, { page: 1e12 })).toBe(`/clusters?page=${MAX_PAGE}`);
  });

  it("returns the bare path when everything is default", () => {
    expect(tableHref("/clusters", new URLSearchParams("page=2"), { page: 1 })).toBe("/clusters");
  });
});

describe("helpers", () => {
  it("computes skip/take", () => {
    expect(toSkipTake({ page: 1, perPage: 20 })).toEqual({ skip: 0, take: 20 });
    expect(toSkipTake({ page: 3, perPage: 50 })).toEqual({ skip: 100, take: 50 });
  });

  it("counts pages, at least one", () => {
    expect(countPages(0, 20)).toBe(1);
    expect(countPages(20, 20)).toBe(1);
    expect(countPages(21, 20)).toBe(2);
    expect(countPages(100_000, 100)).toBe(1000);
  });
});
