import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import type { SessionUser } from "../../lib/auth/sessions";
import { changeStatus } from "../../lib/initiatives/change-status";
import { changeStatusSchema } from "../../lib/initiatives/edit-schemas";
import { ConflictError } from "../../lib/initiatives/edit-errors";
import { acceptPassageSchema, rejectPassageSchema } from "../../lib/matcher/passage-schemas";
import { acceptPassage, rejectPassage } from "../../lib/matcher/review-passages";
import { getSourceReview } from "../../lib/matcher/review-source";
import { addSource } from "../../lib/sources/add-source";
import { IntakeError } from "../../lib/sources/intake-error";
import { addSourceSchema } from "../../lib/sources/source-schemas";
import { searchAll } from "../../lib/search/search-all";
import { freshDatabase } from "../helpers/test-database";
import { makeUser } from "../helpers/users";

// A test article (invented, marked as test data), never seeded.
const ARTICLE = readFileSync(path.join(import.meta.dirname, "../fixtures/matcher/water-and-rare-earths-ru.txt"), "utf8");

const db = await freshDatabase("source-review");
const prisma = db.prisma;
let editor: SessionUser;
let sourceId: number;

beforeAll(async () => {
  await seedDatabase(prisma, catalog);
  editor = await makeUser(prisma, "editor", { name: "Review Editor" });
  sourceId = (await addSource(prisma, editor, addSourceSchema.parse({ origin: "paste", language: "ru", text: ARTICLE }), { maxBytes: 1e7 })).id;
});
afterAll(() => prisma.$disconnect());

const review = async () => (await getSourceReview(prisma, sourceId))!;
const candidateFor = async (slug: string) => (await review()).initiatives.find((i) => i.slug === slug);
const version = async (slug: string) => (await prisma.initiative.findUniqueOrThrow({ where: { slug } })).version;

describe("reviewing a new source", () => {
  it("proposes the passages for the water convention and the rare-earth centre, highlighted, and the new commitment", async () => {
    const water = (await candidateFor("water-use-framework-convention"))!;
    const best = water.candidates.find((c) => ARTICLE.slice(c.start, c.end).includes("конвенции о водопользовании"))!;
    expect(best.parts.filter((p) => p.match).map((p) => p.text)).toEqual(expect.arrayContaining(["конвенции", "водопользовании"]));
    expect(best.parts.map((p) => p.text).join("")).toBe(ARTICLE.slice(best.start, best.end));
    expect((await candidateFor("rare-earth-research-centre"))!.candidates.some((c) => ARTICLE.slice(c.start, c.end).includes("центр по редким землям"))).toBe(
      true,
    );
    expect((await review()).newCommitments.some((c) => ARTICLE.slice(c.start, c.end).includes("мониторингу ледников"))).toBe(true);
  });

  it("accepts a passage as a quote at its exact offsets, in the initiative's history, and offers it as status evidence", async () => {
    const slug = "water-use-framework-convention";
    const candidate = (await candidateFor(slug))!.candidates.find((c) => ARTICLE.slice(c.start, c.end).includes("конвенции о водопользовании"))!;
    const before = await version(slug);
    const input = acceptPassageSchema.parse({
      sourceId: String(sourceId),
      slug,
      version: String(before),
      start: String(candidate.start),
      end: String(candidate.end),
      speakerKind: "narrator",
      note: "",
    });
    const { quoteId, version: after } = await acceptPassage(prisma, editor, input);
    expect(after).toBe(before + 1);
    const quote = await prisma.quote.findUniqueOrThrow({ where: { id: quoteId }, include: { initiative: true } });
    expect(quote).toMatchObject({
      sourceId,
      start: candidate.start,
      end: candidate.end,
      text: ARTICLE.slice(candidate.start, candidate.end),
      speakerKind: "narrator",
    });
    expect(quote.initiative?.slug).toBe(slug);
    const entry = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug }, version: after } });
    expect(entry).toMatchObject({ kind: "edit", quoteId, authorId: editor.id });
    // No longer proposed; listed as accepted; found by search as a quote.
    const water = (await candidateFor(slug))!;
    expect(water.candidates.some((c) => c.start === candidate.start)).toBe(false);
    expect(water.accepted).toEqual([{ quoteId, text: quote.text }]);
    expect((await searchAll(prisma, "водопользовании сроки", 1, 10)).hits.some((hit) => hit.kind === "quote" && hit.quoteId === quoteId)).toBe(true);

    // The status change that takes this quote as evidence points at the same quote.
    const status = await changeStatus(
      prisma,
      editor,
      changeStatusSchema.parse({
        slug,
        version: String(after),
        status: "in_preparation",
        stage: "drafting",
        effectiveOn: "2026-03-02",
        note: "Проект обсуждается",
        evidenceType: "quote",
        quoteSourceId: String(sourceId),
        quoteText: quote.text,
      }),
      { reviewRequired: false },
    );
    expect(status.outcome).toBe("applied");
    expect((await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug }, kind: "status_change" }, orderBy: { id: "desc" } })).quoteId).toBe(
      quoteId,
    );

    // The same span cannot become another initiative's evidence, nor be accepted twice.
    const other = "water-strategy-harmonisation";
    const again = { ...input, slug: other, version: await version(other) };
    await expect(acceptPassage(prisma, editor, again)).rejects.toMatchObject({ code: "quotedForAnother" });
    await expect(acceptPassage(prisma, editor, { ...input, version: await version(slug) })).rejects.toMatchObject({ code: "alreadyQuoted" });
  });

  it("records who says it, and refuses an official without a person, a stale version or a span outside the text", async () => {
    const slug = "rare-earth-research-centre";
    const candidate = (await candidateFor(slug))!.candidates[0]!;
    const base = { sourceId: String(sourceId), slug, version: String(await version(slug)), start: String(candidate.start), end: String(candidate.end) };
    expect(acceptPassageSchema.safeParse({ ...base, speakerKind: "official" }).error?.issues[0]).toMatchObject({
      path: ["speakerPersonId"],
      message: "speakerRequired",
    });
    await expect(acceptPassage(prisma, editor, acceptPassageSchema.parse({ ...base, version: String(Number(base.version) + 5) }))).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(acceptPassage(prisma, editor, acceptPassageSchema.parse({ ...base, start: "0", end: String(ARTICLE.length + 5) }))).rejects.toMatchObject({
      code: "passageOutOfRange",
    });
    const person = await prisma.person.findFirstOrThrow({ where: { slug: "tokayev" } });
    const { quoteId } = await acceptPassage(
      prisma,
      editor,
      acceptPassageSchema.parse({ ...base, speakerKind: "official", speakerPersonId: String(person.id), attribution: "сообщили в Астане" }),
    );
    expect(await prisma.quote.findUniqueOrThrow({ where: { id: quoteId } })).toMatchObject({
      speakerKind: "official",
      speakerPersonId: person.id,
      attribution: "сообщили в Астане",
    });
  });

  it("turns proposals down so they are not proposed again, keeping who and why", async () => {
    const commitment = (await review()).newCommitments.find((c) => ARTICLE.slice(c.start, c.end).includes("мониторингу ледников"))!;
    await rejectPassage(
      prisma,
      editor,
      rejectPassageSchema.parse({
        sourceId: String(sourceId),
        start: String(commitment.start),
        end: String(commitment.end),
        initiativeId: "",
        reason: "Не наша тема",
      }),
    );
    expect((await review()).newCommitments.some((c) => c.start === commitment.start)).toBe(false);
    expect(await prisma.passageRejection.findFirst({ where: { sourceId, start: commitment.start } })).toMatchObject({
      initiativeId: null,
      reason: "Не наша тема",
      authorId: editor.id,
    });

    const first = (await review()).initiatives.find((i) => i.candidates.length > 0)!;
    const candidate = first.candidates[0]!;
    await rejectPassage(
      prisma,
      editor,
      rejectPassageSchema.parse({ sourceId: String(sourceId), start: String(candidate.start), end: String(candidate.end), initiativeId: String(first.id) }),
    );
    expect((await review()).initiatives.find((i) => i.id === first.id)?.candidates.some((c) => c.start === candidate.start) ?? false).toBe(false);
    await expect(rejectPassage(prisma, editor, rejectPassageSchema.parse({ sourceId: "999999", start: "0", end: "5" }))).rejects.toBeInstanceOf(IntakeError);
  });
});
