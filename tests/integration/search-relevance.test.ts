import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/prisma";
import { queryInitiatives } from "../../lib/initiatives/query-initiatives";
import { searchAll } from "../../lib/search/search-all";
import { initiatives } from "../../seed/data/catalog";
import relevance from "../fixtures/search/relevance.json";
import { onPostgres } from "../helpers/test-database";
import { seedWorkerDatabase } from "../helpers/seeded";

beforeAll(seedWorkerDatabase);

const CYRILLIC = /\p{Script=Cyrillic}/u;
const engine = onPostgres ? "PostgreSQL" : "SQLite";

/** hit@5: the share of queries with an expected initiative among the first five answers. */
async function hitAt5(top5: (q: string) => Promise<string[]>) {
  const misses: string[] = [];
  for (const { q, expect: expected } of relevance.queries) {
    const found = await top5(q);
    if (!expected.some((slug) => found.includes(slug))) misses.push(`«${q}» → ${found.join(", ") || "nothing"}`);
  }
  return { score: (relevance.queries.length - misses.length) / relevance.queries.length, misses };
}

describe("the search relevance set", () => {
  it("has at least 40 queries in both languages, each expecting seeded initiatives", () => {
    const seeded = new Set(initiatives.map((initiative) => initiative.slug));
    expect(relevance.queries.length).toBeGreaterThanOrEqual(40);
    expect(relevance.queries.filter(({ q }) => CYRILLIC.test(q)).length).toBeGreaterThanOrEqual(20);
    expect(relevance.queries.filter(({ q }) => !CYRILLIC.test(q)).length).toBeGreaterThanOrEqual(20);
    for (const { q, expect: expected } of relevance.queries) {
      expect(expected.length, q).toBeGreaterThan(0);
      for (const slug of expected) expect(seeded.has(slug), `${q}: ${slug}`).toBe(true);
    }
  });

  it("the list search (?q=, the API's q) has an expected initiative in its first five for at least 95% of queries", async () => {
    const { score, misses } = await hitAt5(async (q) => (await queryInitiatives(prisma, { q, pageSize: 5 })).items.map((item) => item.slug));
    console.info(
      `search relevance, list (${engine}): hit@5 = ${score.toFixed(3)} over ${relevance.queries.length} queries${misses.length ? `; missed: ${misses.join("; ")}` : ""}`,
    );
    expect(score, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("/search shows an expected initiative (its entry, quote or note) in its first five results for at least 95% of queries", async () => {
    const { score, misses } = await hitAt5(async (q) =>
      (await searchAll(prisma, q, 1, 5)).hits.flatMap((hit) => (hit.initiative ? [hit.initiative.slug] : [])),
    );
    console.info(
      `search relevance, /search (${engine}): hit@5 = ${score.toFixed(3)} over ${relevance.queries.length} queries${misses.length ? `; missed: ${misses.join("; ")}` : ""}`,
    );
    expect(score, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });
});
