import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/prisma";
import { markVerified } from "../../lib/initiatives/mark-verified";
import { markVerifiedSchema } from "../../lib/initiatives/edit-schemas";
import { queryInitiatives } from "../../lib/initiatives/query-initiatives";
import { searchAll } from "../../lib/search/search-all";
import { editDistance, suggestSpelling } from "../../lib/search/suggest-spelling";
import { seedWorkerDatabase } from "../helpers/seeded";
import { makeUser } from "../helpers/users";

beforeAll(seedWorkerDatabase);

describe("spelling suggestions from the index's vocabulary", () => {
  it("counts a swap of two letters as one edit", () => {
    expect(editDistance("конвенция", "конвенция")).toBe(0);
    expect(editDistance("конвецния", "конвенция")).toBe(1);
    expect(editDistance("конвенцея", "конвенция")).toBe(1);
    expect(editDistance("водня", "водная")).toBe(1);
    expect(editDistance("abc", "xyzabc", 2)).toBe(3);
  });

  it("suggests a corrected query when nothing matches, and the suggestion finds the initiative", async () => {
    const list = await queryInitiatives(prisma, { q: "Азербайжан членсто" });
    expect(list.total).toBe(0);
    expect(list.suggestion).toBe("Азербайджан членства");
    const corrected = await queryInitiatives(prisma, { q: list.suggestion!, pageSize: 3 });
    expect(corrected.items[0]!.slug).toBe("azerbaijan-full-participant");

    const found = await searchAll(prisma, "рамчная конвецния");
    expect(found.total).toBe(0);
    expect(found.suggestion).toBe("рамочная конвенция");
    expect((await searchAll(prisma, found.suggestion!)).total).toBeGreaterThan(0);
    expect((await searchAll(prisma, "Harmonisng")).suggestion).toBe("Harmonising");
  });

  it("suggests nothing when the words find something, or when no word is close", async () => {
    expect((await queryInitiatives(prisma, { q: "водная" })).suggestion).toBeNull();
    // Filters, not words, empty this answer: nothing to correct.
    expect(await queryInitiatives(prisma, { q: "водная", status: "stalled" })).toMatchObject({ total: 0, suggestion: null });
    expect((await searchAll(prisma, "zzqxwv")).suggestion).toBeNull();
    expect(await suggestSpelling(prisma, "")).toBeNull();
  });

  it("learns the words of new text as it is written", async () => {
    const editor = await makeUser(prisma, "editor");
    const slug = "single-tourism-space";
    expect(await suggestSpelling(prisma, "сверхредкоесловоо")).toBeNull();
    const { version } = await prisma.initiative.findUniqueOrThrow({ where: { slug } });
    await markVerified(prisma, editor, markVerifiedSchema.parse({ slug, version: String(version), note: "Проверено: сверхредкоеслово" }));
    expect(await suggestSpelling(prisma, "сверхредкоесловоо")).toBe("сверхредкоеслово");
  });
});
