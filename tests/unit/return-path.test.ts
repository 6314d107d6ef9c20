import { describe, expect, it } from "vitest";
import { safeReturnPath } from "../../lib/auth/return-path";
import { parseCompareSlugs } from "../../lib/compare/compare-initiatives";

describe("sign-in's return path", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeReturnPath("/en/initiatives/x?status=agreed#history")).toBe("/en/initiatives/x?status=agreed#history");
    expect(safeReturnPath("/countries/KZ")).toBe("/countries/KZ");
  });

  it("refuses anything that could leave the site or loop back to sign-in", () => {
    for (const raw of ["//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "evil.example", "/\t/evil.example", "/%0a", " /x", "/sign-in", "/en/sign-in?next=/x", "", null, undefined, 42, ["/x"]]) {
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
