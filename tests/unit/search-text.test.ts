import { describe, expect, it } from "vitest";
import { buildSearchText, likePattern, normalizeForSearch } from "../../lib/initiatives/search-text";

describe("search normalization", () => {
  it("folds Cyrillic case and ё", () => {
    expect(normalizeForSearch("  ВОДНАЯ   Объём ")).toBe("водная объем");
  });

  it("joins both languages' titles and summaries", () => {
    const text = buildSearchText({ titleRu: "Водная", titleEn: "Water", summaryRu: "Сводка", summaryEn: "Summary" });
    expect(text).toContain("водная");
    expect(text).toContain("water");
    expect(text).toContain("summary");
  });

  it("escapes LIKE wildcards so they match literally", () => {
    expect(likePattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});
