import { describe, expect, it } from "vitest";
import { safeReturnPath } from "../../lib/auth/return-path";
import { parseCompareSlugs } from "../../lib/compare/compare-initiatives";
import { parseReadingValue, readingValue } from "../../lib/history/field-changes";
import { englishGloss } from "../../lib/i18n/gloss";

describe("sign-in's return path", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeReturnPath("/en/initiatives/x?status=agreed#history")).toBe("/en/initiatives/x?status=agreed#history");
    expect(safeReturnPath("/countries/KZ")).toBe("/countries/KZ");
  });

  it("refuses anything that could leave the site or loop back to sign-in", () => {
    for (const raw of [
      "//evil.example/",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "evil.example",
      "/\t/evil.example",
      "/%0a",
      " /x",
      "/sign-in",
      "/en/sign-in?next=/x",
      "",
      null,
      undefined,
      42,
      ["/x"],
    ]) {
      const result = safeReturnPath(raw);
      if (raw === "/%0a") expect(result).toBe("/%0a");
      else expect(result, String(raw)).toBeNull();
    }
  });
});

describe("compare's parameters", () => {
  it("keeps distinct slugs in order, at most four, and counts the rest", () => {
    expect(parseCompareSlugs(["a", "b", "a", " c ", "", "d", "e", "f"])).toEqual({ slugs: ["a", "b", "c", "d"], dropped: 2 });
    expect(parseCompareSlugs("a")).toEqual({ slugs: ["a"], dropped: 0 });
    expect(parseCompareSlugs(undefined)).toEqual({ slugs: [], dropped: 0 });
  });
});

describe("history readings and glosses", () => {
  it("reads a stored reading back as its number and day", () => {
    expect(parseReadingValue(readingValue(12.4, "2026-11-30"))).toEqual({ value: 12.4, observedOn: "2026-11-30" });
    expect(parseReadingValue(readingValue(-3, null))).toEqual({ value: -3, observedOn: null });
    expect(parseReadingValue("Kazakhstan")).toBeNull();
    expect(parseReadingValue("abc @ 2026-01-01")).toBeNull();
  });

  it("glosses only the exact phrases it knows", () => {
    expect(englishGloss("в прошлом году")).toBe("last year");
    expect(englishGloss("в прошлом")).toBeNull();
    expect(englishGloss("constructor")).toBeNull();
  });
});
