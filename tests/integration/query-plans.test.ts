import { beforeAll, describe, expect, it } from "vitest";
import { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { getDashboard } from "../../lib/dashboard/get-dashboard";
import { createAdapter } from "../../lib/db/open-database";
import { prisma } from "../../lib/db/prisma";
import { onPostgres } from "../helpers/test-database";
import { listSql, type InitiativeFilters } from "../../lib/initiatives/query-initiatives";
import { seedWorkerDatabase } from "../helpers/seeded";

beforeAll(seedWorkerDatabase);

async function plan(sql: Prisma.Sql): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${sql}`);
  return rows.map((row) => row.detail);
}

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
  return steps.filter((step) => /^SCAN /.test(step) && !/USING (COVERING )?INDEX|VIRTUAL TABLE|SCAN (hits|hit|titled|h|hk)\b|CONSTANT ROW/.test(step));
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
    const sql = listSql(prisma, query, locale);
    const idsPlan = await plan(sql.ids);
    expect(fullScans(idsPlan), idsPlan.join("\n")).toEqual([]);
    const countPlan = await plan(sql.count);
    expect(fullScans(countPlan), countPlan.join("\n")).toEqual([]);
  });

  it("orders by title straight from the title index, with no sort step", async () => {
    const sql = listSql(prisma, {}, "ru");
    const steps = await plan(sql.ids);
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
      const rows = await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query.sql}`, ...query.params);
      const steps = rows.map((row) => row.detail);
      if (recent.includes(query)) expect(steps.join("\n"), query.sql).toMatch(/HistoryEntry_kind_recordedAt_idx/);
      expect(fullScans(steps), query.sql).toEqual([]);
    }
  });
});
