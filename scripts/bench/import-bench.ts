import { copyFileSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { createPrismaClient } from "../../lib/db/create-client";
import { databaseName, dropDatabase, withDatabase } from "../../lib/db/postgres-adapter";
import { importCsv } from "../../lib/imports/import-csv";
import { parseArgs } from "./args";
import { buildBenchData, defaultBenchPath } from "./build-bench-data";
import { copyToPostgres } from "./copy-to-postgres";

/**
 * `npm run bench:import -- [--initiatives 100000] [--changes 100000] [--rows 10000] [--reuse]
 *   [--postgres-url postgresql://postgres@127.0.0.1:55432/postgres]`
 *
 * Times the bulk import (lib/imports/import-csv.ts) applying --rows rows, half status changes of
 * as many initiatives and half readings of the figures, on the synthetic database of
 * docs/benchmarks.md (built unless --reuse finds it), then the dry run of the same file on a fresh
 * copy. Target: 10,000 rows applied at 100,000 initiatives in under 10 s. Runs on copies; with
 * --postgres-url, also on PostgreSQL: the same rows copied into a scratch database of that server
 * (`tracker_bench_import`, dropped afterwards), dry run first, then the apply.
 */
const TARGET_MS = 10_000;
const args = parseArgs(process.argv.slice(2), { numbers: ["initiatives", "changes", "rows"], strings: ["postgres-url"], flags: ["reuse"] });
const initiatives = args.number("initiatives", 100_000);
const changes = args.number("changes", initiatives);
const rowCount = args.number("rows", 10_000);

const built = defaultBenchPath(initiatives, changes);
if (!args.flag("reuse") || !existsSync(built)) await buildBenchData({ initiatives, changes });

const LINK = { evidence_url: "https://example.org/bench-report", evidence_title: "Bench report", evidence_date: "2026-05-02" };

async function run(apply: boolean, postgresUrl?: string): Promise<{ ms: number; rows: number; issues: number; applied: boolean }> {
  const copy = path.resolve("data", `bench-import-${process.pid}-${apply ? "apply" : "dry"}.db`);
  if (!postgresUrl) copyFileSync(built, copy);
  const prisma = createPrismaClient(postgresUrl ?? `file:${copy}`, 5_000);
  try {
    const editor = await prisma.user.findFirstOrThrow({
      where: { role: "editor" },
      select: { id: true, email: true, displayName: true, role: true },
      orderBy: { id: "asc" },
    });
    const statusRows = Math.ceil(rowCount / 2);
    const targets = await prisma.initiative.findMany({ select: { slug: true, version: true, status: true }, orderBy: { id: "asc" }, take: statusRows });
    const metrics = await prisma.metric.findMany({ select: { slug: true, initiative: { select: { slug: true, version: true } } }, orderBy: { id: "asc" } });
    const rows: Record<string, string | number>[] = targets.map((row) => ({
      slug: row.slug,
      version: row.version,
      status: row.status === "stalled" ? "in_progress" : "stalled",
      effective_on: "2026-05-01",
      override_note: "bench",
      ...LINK,
    }));
    // Readings of each figure in turn: several rows of one initiative, all read at the file's version.
    for (let i = 0; rows.length < rowCount; i++) {
      const metric = metrics[i % metrics.length]!;
      const day = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
      rows.push({
        slug: metric.initiative.slug,
        version: metric.initiative.version,
        metric_slug: metric.slug,
        value: String(1 + (i % 97) / 10),
        observed_on: day,
        confirm_large: "yes",
        ...LINK,
      });
    }
    const csv = stringify(rows, { header: true, columns: [...new Set(rows.flatMap((row) => Object.keys(row)))] });
    const started = performance.now();
    const result = await importCsv(prisma, editor, { csv, note: "Bench bulk import", apply, reviewRequired: false });
    const ms = performance.now() - started;
    return { ms, rows: result.rows.length, issues: result.issues.length, applied: result.applied };
  } finally {
    await prisma.$disconnect();
    if (!postgresUrl) for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
  }
}

const report = (engine: string, applied: Awaited<ReturnType<typeof run>>, dry: Awaited<ReturnType<typeof run>>) => {
  console.log(
    `${engine} apply: ${applied.rows} rows, ${applied.issues} problems, applied=${applied.applied}, ${(applied.ms / 1000).toFixed(2)} s — target < ${TARGET_MS / 1000} s: ${applied.ms < TARGET_MS && applied.applied ? "met" : "missed"}`,
  );
  console.log(`${engine} dry run: ${dry.rows} rows, ${dry.issues} problems, ${(dry.ms / 1000).toFixed(2)} s`);
};

console.log(`import benchmark: ${rowCount} rows at ${initiatives} initiatives (${changes} history entries)`);
const applied = await run(true);
report("SQLite", applied, await run(false));
const server = args.string("postgres-url");
if (server) {
  const url = withDatabase(server, "tracker_bench_import");
  const copied = await copyToPostgres(built, url, () => {});
  console.log(`PostgreSQL: the same rows copied into ${databaseName(url)} in ${copied.seconds.toFixed(0)} s`);
  try {
    const dry = await run(false, url);
    report("PostgreSQL", await run(true, url), dry);
  } finally {
    await dropDatabase(url, databaseName(url));
  }
}
