import { describe, expect, it } from "vitest";
import { organizationJsonLd, serializeJsonLd, summarize } from "./json-ld";

const base = {
  name: "Medicon Valley Alliance",
  acronym: "MVA",
  website: "https://mva.example",
  logoUrl: "https://covalent.example/api/files/logos/x.webp",
  pageUrl: "https://covalent.example/clusters/medicon",
  country: "DK",
  region: "Capital Region",
  city: "Copenhagen",
  yearFounded: 1997,
  description: "Life science cluster.",
  contactEmail: "info@mva.example",
  knowsAbout: ["Health", "Biotechnology"],
};

describe("organizationJsonLd", () => {
  it("describes the cluster as a schema.org Organization", () => {
    expect(organizationJsonLd(base)).toEqual({
      "@context": "https://schema.org",
      "@type": "Organization",
      "@id": "https://covalent.example/clusters/medicon#organization",
      name: "Medicon Valley Alliance",
      alternateName: "MVA",
      url: "https://mva.example",
      mainEntityOfPage: "https://covalent.example/clusters/medicon",
      logo: "https://covalent.example/api/files/logos/x.webp",
      address: { "@type": "PostalAddress", addressCountry: "DK", addressRegion: "Capital Region", addressLocality: "Copenhagen" },
      foundingDate: "1997",
      description: "Life science cluster.",
      email: "info@mva.example",
      knowsAbout: ["Health", "Biotechnology"],
    });
  });

  it("leaves out what the profile does not have", () => {
    const ld = organizationJsonLd({ ...base, acronym: null, website: null, logoUrl: null, region: null, city: null, yearFounded: null, description: "", contactEmail: null, knowsAbout: [] });
    expect(Object.keys(ld).sort()).toEqual(["@context", "@id", "@type", "address", "mainEntityOfPage", "name"]);
    expect(ld.address).toEqual({ "@type": "PostalAddress", addressCountry: "DK" });
  });
});

describe("serializeJsonLd", () => {
  it("cannot end its <script> element, and still parses to the same value", () => {
    const value = { description: "</script><script>alert(1)</script><!-- & \u2028" };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("summarize", () => {
  it("keeps short texts and collapses whitespace", () => {
    expect(summarize("  A   cluster\n\nof SMEs. ")).toBe("A cluster of SMEs.");
  });

  it("cuts long texts at a word boundary to at most the limit, with an ellipsis", () => {
    const text = "word ".repeat(100);
    const summary = summarize(text, 160);
    expect(summary.length).toBeLessThanOrEqual(160);
    expect(summary.endsWith("word…")).toBe(true);
  });
});
