import { beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { getDashboard } from "../../lib/dashboard/get-dashboard";
import { createAdapter } from "../../lib/db/open-database";
import { prisma } from "../../lib/db/prisma";
import { onPostgres } from "../helpers/test-database";
import { queryInitiatives, type InitiativeFilters } from "../../lib/initiatives/query-initiatives";
import { seedWorkerDatabase } from "../helpers/seeded";

beforeAll(seedWorkerDatabase);

/** Runs `read` on a client of the worker's database that records every SQL statement it sends. */
async function capturedQueries(read: (client: PrismaClient) => Promise<unknown>): Promise<{ sql: string; params: unknown[] }[]> {
  const client = new PrismaClient({ adapter: createAdapter(process.env.DATABASE_URL!, 5_000), log: [{ emit: "event", level: "query" }] });
  const queries: { sql: string; params: unknown[] }[] = [];
  client.$on("query", (event) => queries.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
  try {
    await read(client);
  } finally {
    await client.$disconnect();
  }
  return queries;
}

/** A plan step that reads a whole table without an index is what breaks at 100,000 rows. */
function fullScans(steps: string[]): string[] {
  return steps.filter(
    (step) => /^SCAN /.test(step) && !/USING (COVERING )?INDEX|VIRTUAL TABLE|SCAN (hits|hit|titled|h|hk)\b|SCAN \(subquery-\d+\)|CONSTANT ROW/.test(step),
  );
}

/** SQLite's plan of a captured statement, run with the parameters it was sent with. */
async function plan(query: { sql: string; params: unknown[] }): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query.sql}`, ...query.params);
  return rows.map((row) => row.detail);
}

// SQLite's planner (EXPLAIN QUERY PLAN); PostgreSQL's planner picks by statistics and is measured by the benchmark.
describe.skipIf(onPostgres)("the list's queries use indexes", () => {
  it.each<[string, InitiativeFilters, string]>([
    ["default order (title, Russian)", {}, "ru"],
    ["default order (title, English)", {}, "en"],
    ["status filter", { status: "agreed" }, "ru"],
    ["theme filter", { theme: "transport_logistics" }, "ru"],
    ["country filter", { country: "KZ" }, "ru"],
    ["proposer and kind", { proposer: "KZ", kind: "proposal" }, "ru"],
    ["source filter", { source: 1 }, "ru"],
    ["recently changed", { sort: "updated" }, "ru"],
    ["full-text search by relevance", { q: "водных стратегий" }, "ru"],
    ["search with filters, page 3", { q: "стратегия", status: "proposed", page: 3 }, "en"],
  ])("%s", async (_name, query, locale) => {
    // Every statement queryInitiatives sends (the count, the page of ids, the rows), captured from the client.
    const queries = await capturedQueries((client) => queryInitiatives(client, query, locale));
    expect(queries.filter((sent) => /count\(/i.test(sent.sql)).length, queries.map((sent) => sent.sql).join("\n")).toBeGreaterThan(0);
    // `WHERE 1=0` is Prisma's lookup of no ids (a page past the end): it reads no row whatever the plan says.
    for (const sent of queries.filter((query) => !/WHERE 1=0/.test(query.sql))) {
      const steps = await plan(sent);
      expect(fullScans(steps), `${sent.sql}\n${steps.join("\n")}`).toEqual([]);
    }
  });

  it("orders by title straight from the title index, with no sort step", async () => {
    const queries = await capturedQueries((client) => queryInitiatives(client, {}, "ru"));
    const ids = queries.filter((sent) => /ORDER BY/.test(sent.sql) && /"titleRu"/.test(sent.sql) && /LIMIT/.test(sent.sql) && !/count\(/i.test(sent.sql));
    expect(ids, queries.map((sent) => sent.sql).join("\n")).toHaveLength(1);
    const steps = await plan(ids[0]!);
    expect(steps.join("\n")).toMatch(/Initiative_titleRu_idx/);
    expect(steps.join("\n")).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("finds the dashboard's recent status changes through the (kind, recordedAt) index, and reads no history without an index", async () => {
    // The SQL getDashboard really sends, captured from the client, not a hand-made copy of it.
    const queries = await capturedQueries((client) => getDashboard(client));
    const ordered = queries.filter((query) => /FROM [`"]?(main[`"]?\.)?[`"]?HistoryEntry[`"]?/.test(query.sql) && /ORDER BY/.test(query.sql));
    const recent = ordered.filter((query) => /[`"]?kind[`"]? = /.test(query.sql));
    expect(recent.length, queries.map((query) => query.sql).join("\n")).toBeGreaterThan(0);
    for (const query of ordered) {
      const steps = await plan(query);
      if (recent.includes(query)) expect(steps.join("\n"), query.sql).toMatch(/HistoryEntry_kind_recordedAt_idx/);
      expect(fullScans(steps), query.sql).toEqual([]);
    }
  });
});
