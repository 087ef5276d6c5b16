import { describe, expect, it } from "vitest";
import {
  DEFAULT_PER_PAGE,
  MAX_PAGE,
  MAX_PER_PAGE,
  MAX_QUERY_LENGTH,
  directoryQueryToSearchParams,
  hasDirectoryFilters,
  parseDirectoryQuery,
} from "./schemas";

const parse = (qs: string) => parseDirectoryQuery(new URLSearchParams(qs));

describe("parseDirectoryQuery", () => {
  it("gives the defaults for an empty query", () => {
    expect(parse("")).toEqual({
      q: "",
      country: [],
      region: [],
      ecosystem: [],
      sector: [],
      label: [],
      size: [],
      level: [],
      targetsCountry: undefined,
      sort: "relevance",
      page: 1,
      perPage: DEFAULT_PER_PAGE,
    });
    expect(parseDirectoryQuery(undefined)).toEqual(parse(""));
  });

  it("reads repeated parameters and comma lists alike, normalising case and dropping duplicates", () => {
    const query = parse("country=de,fr&country=DE&ecosystem=Digital&ecosystem=health,digital&sector=c,M&label=gold,Silver&level=4,1");
    expect(query.country).toEqual(["DE", "FR"]);
    expect(query.ecosystem).toEqual(["digital", "health"]);
    expect(query.sector).toEqual(["C", "M"]);
    expect(query.label).toEqual(["GOLD", "SILVER"]);
    expect(query.level).toEqual([4, 1]);
  });

  it("drops unknown values instead of failing", () => {
    const query = parse("country=XX,de,1&ecosystem=nope,health&sector=Z,C&label=platinum&level=0,5,2,x&size=7-9&sort=best&targetsCountry=ZZ");
    expect(query.country).toEqual(["DE"]);
    expect(query.ecosystem).toEqual(["health"]);
    expect(query.sector).toEqual(["C"]);
    expect(query.label).toEqual([]);
    expect(query.level).toEqual([2]);
    expect(query.size).toEqual([]);
    expect(query.sort).toBe("relevance");
    expect(query.targetsCountry).toBeUndefined();
  });

  it("reads size bands, also '500+' typed by hand (where + arrives as a space)", () => {
    expect(parse("size=1-49,50-249").size).toEqual(["1-49", "50-249"]);
    expect(parse("size=500+").size).toEqual(["500+"]);
    expect(parse("size=500%2B").size).toEqual(["500+"]);
    expect(parse("size=500").size).toEqual(["500+"]);
  });

  it("keeps regions whole (they may contain commas) and trims them", () => {
    const query = parse("region=Provence-Alpes-C%C3%B4te+d%27Azur&region=+Lazio,+Rome+&region=");
    expect(query.region).toEqual(["Provence-Alpes-Côte d'Azur", "Lazio, Rome"]);
  });

  it("clamps page and perPage, and ignores what is not a number", () => {
    expect(parse("page=0&perPage=0")).toMatchObject({ page: 1, perPage: 1 });
    expect(parse("page=-5&perPage=-1")).toMatchObject({ page: 1, perPage: 1 });
    expect(parse("page=999999999999&perPage=1000")).toMatchObject({ page: MAX_PAGE, perPage: MAX_PER_PAGE });
    expect(parse("page=abc&perPage=%20")).toMatchObject({ page: 1, perPage: DEFAULT_PER_PAGE });
    expect(parse("page=2.7&perPage=10.2")).toMatchObject({ page: 2, perPage: 10 });
    expect(parse("page=3&page=9")).toMatchObject({ page: 3 });
  });

  it("reads the sort and the targeted country", () => {
    expect(parse("sort=NEWEST&targetsCountry=in").sort).toBe("newest");
    expect(parse("sort=size").sort).toBe("size");
    expect(parse("targetsCountry=in,de").targetsCountry).toBe("IN");
  });

  it("cuts long search texts and makes hostile ones safe to send to PostgreSQL", () => {
    expect(parse(`q=${"a".repeat(10_000)}`).q).toHaveLength(MAX_QUERY_LENGTH);
    expect(parse("q=%00drop%00").q).toBe("drop");
    expect(parse("q=%20%20two%0A%0Dlines%09%20").q).toBe("two lines");
    // Invalid UTF-8 in a URL decodes to U+FFFD; a lone surrogate in a JS string is made well-formed.
    expect(parse("q=%FF%FE").q).toBe("\uFFFD\uFFFD");
    expect(parseDirectoryQuery({ q: "a\uD800b" }).q).toBe("a\uFFFDb");
    expect(parse("q=%22quoted%22+-minus+%25+%5C+%26+%7C+!+%3A*").q).toBe('"quoted" -minus % \\ & | ! :*');
    expect(parse("q=one&q=two").q).toBe("one");
  });

  it("never throws on odd input shapes", () => {
    expect(() => parseDirectoryQuery({ q: ["a", "b"], country: [], page: "1e9" })).not.toThrow();
    expect(parseDirectoryQuery({ page: "1e9" }).page).toBe(1);
    expect(() => parseDirectoryQuery(null)).not.toThrow();
  });

  it("accepts Next's searchParams object", () => {
    expect(parseDirectoryQuery({ country: ["DE", "FR"], q: "robots", perPage: undefined })).toMatchObject({
      country: ["DE", "FR"],
      q: "robots",
      perPage: DEFAULT_PER_PAGE,
    });
  });
});

describe("directoryQueryToSearchParams", () => {
  it("leaves out defaults and round-trips through parseDirectoryQuery", () => {
    expect(directoryQueryToSearchParams(parse("")).toString()).toBe("");
    const query = parse("q=solar+power&country=FR,DE&region=Lazio,+Rome&size=500%2B&level=3&sort=size&page=2&perPage=50&targetsCountry=IN");
    const params = directoryQueryToSearchParams(query);
    expect(params.get("country")).toBe("FR,DE");
    expect(params.getAll("region")).toEqual(["Lazio, Rome"]);
    expect(parseDirectoryQuery(params)).toEqual(query);
  });
});

describe("hasDirectoryFilters", () => {
  it("is true for a text or any filter, false for sort and paging alone", () => {
    expect(hasDirectoryFilters(parse("sort=size&page=3"))).toBe(false);
    expect(hasDirectoryFilters(parse("q=x"))).toBe(true);
    expect(hasDirectoryFilters(parse("level=2"))).toBe(true);
    expect(hasDirectoryFilters(parse("targetsCountry=DE"))).toBe(true);
  });
});
