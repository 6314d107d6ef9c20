import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/sessions";
import { TAG } from "../../lib/cache/tags";
import { prisma } from "../../lib/db/prisma";
import { DomainError } from "../../lib/errors/domain-error";
import { getCountryScorecard, getScorecardIndex } from "../../lib/scorecards/get-scorecards";
import { latestScores, scoreAverages } from "../../lib/scorecards/score-averages";
import { setScoreSchema } from "../../lib/scorecards/score-schemas";
import { setScore } from "../../lib/scorecards/set-score";
import { seedWorkerDatabase } from "../helpers/seeded";
import { makeUser } from "../helpers/users";

let editor: SessionUser;

/** An initiative with at least two countries and a quote to use as evidence (test data: scores are never seeded). */
async function pick() {
  const candidates = await prisma.initiative.findMany({
    where: { participations: { some: {} }, quotes: { some: {} } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      slug: true,
      participations: { select: { countryCode: true }, orderBy: { countryCode: "asc" } },
      quotes: { select: { sourceId: true, text: true }, take: 1 },
    },
  });
  const initiative = candidates.find((candidate) => candidate.participations.length >= 2)!;
  const outsider = await prisma.country.findFirstOrThrow({
    where: { code: { notIn: initiative.participations.map((p) => p.countryCode) } },
    select: { code: true },
  });
  return { ...initiative, quote: initiative.quotes[0]!, outsider: outsider.code };
}

const input = (fields: Record<string, unknown>) => setScoreSchema.parse({ asOf: "2026-06-01", note: "test score", quoteOccurrence: "", ...fields });
const counts = async () => ({ scores: await prisma.score.count(), quotes: await prisma.quote.count() });

beforeAll(async () => {
  await seedWorkerDatabase();
  editor = await makeUser(prisma, "editor", { name: "Score Editor" });
});

describe("country scores", () => {
  it("the seed sets none: the articles state no scores, so the scorecards show nothing and compute nothing", async () => {
    expect(await prisma.score.count()).toBe(0);
    const index = await getScorecardIndex(prisma);
    expect(index).toMatchObject({ total: 0, countries: [], themes: [], latestAsOf: null });
  });

  it("appends a version per change, keeps every earlier one, and expires exactly the scorecards' tags", async () => {
    const { slug, participations, quote } = await pick();
    const code = participations[0]!.countryCode;
    const first = await setScore(
      prisma,
      editor,
      input({ slug, countryCode: code, expectedVersion: "0", score: "0", quoteSourceId: String(quote.sourceId), quoteText: quote.text }),
    );
    expect(first).toEqual({ version: 1, tags: [TAG.scores, TAG.scorecard(code)].sort() });
    const second = await setScore(
      prisma,
      editor,
      input({
        slug,
        countryCode: code,
        expectedVersion: "1",
        score: "+1",
        asOf: "2026-07-01",
        quoteSourceId: String(quote.sourceId),
        quoteText: quote.text,
        note: "now in force",
      }),
    );
    expect(second.version).toBe(2);

    const card = (await getCountryScorecard(prisma, code.toLowerCase()))!;
    const row = card.scored.find((item) => item.initiative.slug === slug)!;
    expect(row).toMatchObject({ score: 1, version: 2, note: "now in force", quote: { text: quote.text, sourceId: quote.sourceId } });
    expect(card.history.filter((item) => item.initiative.slug === slug).map((item) => [item.version, item.score])).toEqual([
      [2, 1],
      [1, 0],
    ]);
    expect(card.unscored.map((item) => item.slug)).not.toContain(slug);
    expect(card.average).toMatchObject({ count: card.scored.length });
  });

  it("refuses a stale version, a country the initiative does not name and a quote not in the source, writing nothing", async () => {
    const { slug, participations, quote, outsider } = await pick();
    const code = participations[1]!.countryCode;
    const valid = { slug, countryCode: code, expectedVersion: "0", score: "-1", quoteSourceId: String(quote.sourceId), quoteText: quote.text };
    await setScore(prisma, editor, input(valid));
    const before = await counts();
    await expect(setScore(prisma, editor, input(valid))).rejects.toMatchObject({ code: "scoreChangedSince" });
    await expect(setScore(prisma, editor, input({ ...valid, countryCode: outsider }))).rejects.toMatchObject({
      code: "countryNotInInitiative",
      field: "countryCode",
    });
    await expect(
      setScore(prisma, editor, input({ ...valid, expectedVersion: "1", quoteText: "эти слова не встречаются в источнике вовсе" })),
    ).rejects.toMatchObject({ code: "quoteNotFound" });
    await expect(setScore(prisma, editor, input({ ...valid, slug: "no-such-initiative" }))).rejects.toMatchObject({ code: "notFound" });
    expect(await counts()).toEqual(before);
  });

  it("the form's schema refuses scores off the scale, future dates, missing evidence and notes", () => {
    const base = {
      slug: "x",
      countryCode: "KZ",
      expectedVersion: "0",
      score: "1",
      asOf: "2026-01-01",
      quoteSourceId: "1",
      quoteText: "достаточно длинная цитата",
      note: "n",
    };
    expect(setScoreSchema.safeParse(base).success).toBe(true);
    const fieldOf = (override: Record<string, string>) => {
      const result = setScoreSchema.safeParse({ ...base, ...override });
      return result.success ? null : result.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
    };
    expect(fieldOf({ score: "2" })).toEqual(["score:chooseScore"]);
    expect(fieldOf({ score: "" })).toEqual(["score:chooseScore"]);
    expect(fieldOf({ asOf: "2099-01-01" })).toEqual(["asOf:dateInFuture"]);
    expect(fieldOf({ quoteText: "" })).toEqual(["quoteText:required"]);
    expect(fieldOf({ note: " " })).toEqual(["note:required"]);
    expect(fieldOf({ quoteSourceId: "" })).toEqual(["quoteSourceId:required"]);
  });

  it("averages per country and theme come only from current scores", async () => {
    const index = await getScorecardIndex(prisma);
    const rows = latestScores(await prisma.score.findMany({ select: { initiativeId: true, countryCode: true, version: true, score: true } }));
    expect(index.total).toBe(rows.length);
    for (const country of index.countries) {
      const mine = rows.filter((row) => row.countryCode === country.code).map((row) => row.score);
      expect(country.count).toBe(mine.length);
      expect(country.average).toBeCloseTo(mine.reduce((a, b) => a + b, 0) / mine.length);
    }
    expect(index.countries.every((country) => country.count > 0)).toBe(true);
  });
});

describe("properties", () => {
  it("averages lie within −1…+1, count every current score once per country, and leave out what nobody scored", () => {
    const score = fc.record({
      initiativeId: fc.integer({ min: 1, max: 6 }),
      countryCode: fc.constantFrom("KZ", "UZ", "TJ"),
      version: fc.integer({ min: 1, max: 5 }),
      score: fc.constantFrom(-1, 0, 1),
      themes: fc.subarray(["tourism", "security", "water_environment"] as const),
    });
    fc.assert(
      fc.property(fc.array(score, { maxLength: 40 }), (rows) => {
        const current = latestScores(rows);
        const { byCountry, byTheme } = scoreAverages(current);
        for (const stats of [...byCountry.values(), ...byTheme.values()]) {
          expect(stats.count).toBeGreaterThan(0);
          expect(stats.average).toBeGreaterThanOrEqual(-1);
          expect(stats.average).toBeLessThanOrEqual(1);
          expect(stats.spread["-1"] + stats.spread["0"] + stats.spread["1"]).toBe(stats.count);
        }
        expect([...byCountry.values()].reduce((sum, stats) => sum + stats.count, 0)).toBe(current.length);
        expect(new Set(byCountry.keys())).toEqual(new Set(current.map((row) => row.countryCode)));
        const pairs = new Set(rows.map((row) => `${row.initiativeId}:${row.countryCode}`));
        expect(current).toHaveLength(pairs.size);
      }),
    );
  });

  it("any form input either saves exactly one score or is refused with nothing written", async () => {
    const { slug, participations, quote, outsider } = await pick();
    const codes = [...participations.map((p) => p.countryCode), outsider];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          slug: fc.constantFrom(slug, "no-such", ""),
          countryCode: fc.constantFrom(...codes, "kz", "ZZZ", ""),
          expectedVersion: fc.constantFrom("0", "1", "2", "-1", "x", ""),
          score: fc.constantFrom("1", "0", "-1", "+1", "2", "", "one"),
          asOf: fc.constantFrom("2026-01-01", "01.02.2026", "2999-01-01", "2026-02-30", ""),
          quoteSourceId: fc.constantFrom(String(quote.sourceId), "999999", "", "0"),
          quoteText: fc.constantFrom(quote.text, "нет такой цитаты в этом тексте", "", "ab"),
          note: fc.constantFrom("why", "", " \u0000 "),
        }),
        async (fields) => {
          const before = await counts();
          const parsed = setScoreSchema.safeParse(fields);
          let saved = false;
          if (parsed.success) {
            try {
              await setScore(prisma, editor, parsed.data);
              saved = true;
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
            }
          }
          const after = await counts();
          expect(after.scores).toBe(before.scores + (saved ? 1 : 0));
        },
      ),
      { numRuns: 60 },
    );
  });
});
