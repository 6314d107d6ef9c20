import { describe, expect, it } from "vitest";
import { expandQuery, synonymGroups } from "../../lib/search/expand-query";
import { anyExpression, tsQueryAny } from "../../lib/search/search-sql";
import { queryTerm, WORD } from "../../lib/search/stem";

const stems = (entry: string) => Array.from(entry.matchAll(WORD), (match) => queryTerm(match[0]).stem).join(" ");
const alternatives = (q: string) => expandQuery(q).map((concept) => concept.alternatives.map((terms) => terms.map((term) => term.stem).join(" ")));

describe("the synonym list (lib/search/synonyms.json)", () => {
  it("is well formed: every group has a kind, a reason and at least two entries, and no entry is in two groups", () => {
    const seen = new Map<string, number>();
    synonymGroups().forEach((group, index) => {
      expect(["synonym", "spelling", "compound"]).toContain(group.kind);
      expect(group.note.length, group.terms.join(", ")).toBeGreaterThan(5);
      expect(group.terms.length).toBeGreaterThanOrEqual(2);
      for (const entry of group.terms) {
        const key = stems(entry);
        expect(key, entry).not.toBe("");
        expect(seen.get(key) ?? index, `${entry} is in groups ${seen.get(key)} and ${index}`).toBe(index);
        seen.set(key, index);
      }
    });
  });

  it("expands the issue's examples at query time", () => {
    // ИИ ↔ искусственный интеллект ↔ AI: a phrase is one alternative of two terms.
    expect(alternatives("ИИ декларация")).toEqual([["ии", "искусствен интеллект", "ai", "artifici intellig"], ["декларац"]]);
    // A synonym phrase typed in full is one concept (one word of the query), not two.
    expect(expandQuery("искусственного интеллекта")).toHaveLength(1);
    expect(alternatives("искусственного интеллекта")[0]).toContain("ии");
    expect(alternatives("rare earth center")[2]).toEqual(["center", "centr"]);
    expect(alternatives("торговля 20 миллиардов")).toEqual([["торговл", "trade", "товарооборот"], ["20"], ["миллиард", "млрд", "billion", "bn"]]);
    // A compound's part: «водная» also finds «водопользованию».
    expect(alternatives("водная")[0]).toContain("водопользован");
    expect(alternatives("водопользование")[0]).toContain("водн");
  });

  it("keeps words without synonyms as they are, and drops repeats", () => {
    expect(alternatives("Семей Семей")).toEqual([["сем"]]);
    expect(expandQuery("")).toEqual([]);
    expect(expandQuery("a ".repeat(40).replace(/a/g, (_, i: number) => `w${i}`))).toHaveLength(12);
  });

  it("matches short stems whole: «Азия» does not find «Азербайджан»", () => {
    expect(queryTerm("Азия")).toEqual({ stem: "аз", prefix: false });
    expect(queryTerm("водная")).toEqual({ stem: "водн", prefix: true });
  });

  it("builds each engine's expression from the concepts, with nothing from the user but letters and digits", () => {
    const concepts = expandQuery('ИИ "декларация" OR*');
    expect(anyExpression(concepts)).toBe('("ии" OR ("искусствен"* AND "интеллект"*) OR "ai" OR ("artifici"* AND "intellig"*)) OR ("декларац"*) OR ("or")');
    expect(anyExpression(expandQuery("водная"), "title")).toMatch(/^title : \(\("водн"\* OR /);
    expect(tsQueryAny(concepts)).toBe("('ии' | ('искусствен':* & 'интеллект':*) | 'ai' | ('artifici':* & 'intellig':*)) | ('декларац':*) | ('or')");
    expect(tsQueryAny(expandQuery("AI"), "title")).toBe("('ai':A | 'ии':A | ('искусствен':*A & 'интеллект':*A) | ('artifici':*A & 'intellig':*A))");
  });
});
