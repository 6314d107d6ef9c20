import { cpSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { createSession, SESSION_COOKIE } from "../../lib/auth/sessions";
import { createPrismaClient } from "../../lib/db/create-client";
import { withDatabase } from "../../lib/db/postgres-adapter";
import { describeDatabaseUrl, type DatabaseProvider } from "../../lib/db/provider";
import { applyMigrations } from "../../lib/db/schema-engine";
import { createUser } from "../../lib/users/manage-users";
import { buildIfChanged } from "../cli/build-app";
import { parseArgs } from "./args";
import { buildBenchData, defaultBenchPath } from "./build-bench-data";
import { copyToPostgres, postgresBenchReady } from "./copy-to-postgres";
import { freePort, killGroupNow, sleep, startGroup, stopGroup, waitForHttp, type Group } from "./processes";
import { fmt } from "./report";
import { postStatusChange, sampleWarm, summarize, timedGet, type ServerTiming, type TimeSummary } from "./server-time";
import { runWriteLoop, type WriteLoopResult } from "./write-loop";

/**
 * `npm run bench:engines -- [--initiatives 100000 --changes 100000] [--engines sqlite,postgres]
 *   [--postgres-url postgresql://postgres@127.0.0.1:55432/postgres] [--reuse] [--rounds 15]
 *   [--duration 8] [--writers 8] [--port P]`
 *
 * SQLite and PostgreSQL side by side in one run, on the same generated data (docs/benchmarks.md):
 * the SQLite bench file from build-bench-data.ts, copied row for row into a PostgreSQL database of
 * its own (`tracker_bench_<N>_<M>` on the server of --postgres-url). One production build; for each
 * engine in turn, `next start` on it (from a copy of the build without its on-disk data cache, whose
 * keys do not name the database), then:
 * - cold server time: a status change, then the first view of the list with facets and the
 *   initiative page (both expired by it), and of the list search and the search page with a word
 *   not asked before (so no cache can answer): the app's own `Server-Timing` total and db spans;
 * - warm server time of the same pages (from the data cache: the engine matters little there);
 * - the status change's `action` span (the write itself), and the editors' write loop (writes/s).
 * The engines run one after the other on the same cores; the load average is printed.
 */

const log = (line: string) => console.log(line);
const args = parseArgs(process.argv.slice(2), {
  numbers: ["initiatives", "changes", "rounds", "duration", "writers", "port"],
  strings: ["engines", "postgres-url"],
  flags: ["reuse"],
});
const initiatives = args.number("initiatives", 100_000);
const changes = args.number("changes", 100_000);
const rounds = args.number("rounds", 15);
const duration = args.number("duration", 8);
const writers = Math.max(1, args.number("writers", 8));
const engines = (args.string("engines") ?? "sqlite,postgres").split(",").map((engine) => engine.trim()) as DatabaseProvider[];
for (const engine of engines) if (engine !== "sqlite" && engine !== "postgres") throw new Error(`--engines takes sqlite and/or postgres, got "${engine}"`);
const postgresServer = args.string("postgres-url") ?? "postgresql://postgres@127.0.0.1:55432/postgres";

const DIST_DIR = (process.env.NEXT_DIST_DIR ?? ".next").replace(/[\\/]+$/, "");
const groups: Group[] = [];
process.on("exit", () => groups.forEach(killGroupNow));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (groups.forEach(killGroupNow), process.exit(130)));

/** Words of the generator's titles (scripts/bench/words.ts), one per cold round, the same for both engines. */
const SEARCH_WORDS = [
  "водных",
  "транспортной",
  "региональных",
  "экологической",
  "цифровой",
  "энергетических",
  "стратегии",
  "центра",
  "коридора",
  "программы",
  "платформы",
  "соглашения",
  "форума",
  "системы",
  "сети",
  "инвестиционной",
  "туристической",
  "торговой",
  "научного",
  "совместной",
];

interface EngineResult {
  engine: DatabaseProvider;
  url: string;
  preparation: string;
  cold: Record<string, TimeSummary & { missedCache: number }>;
  warm: Record<string, TimeSummary>;
  write: TimeSummary;
  writeErrors: string[];
  loop: WriteLoopResult;
}

const PAGES = [
  {
    key: "list",
    label: "list with facets ?status=agreed&theme=transport_logistics&country=KZ",
    path: () => "/en/initiatives?status=agreed&theme=transport_logistics&country=KZ",
  },
  { key: "list-search", label: "list search ?q=<word>", path: (word: string) => `/en/initiatives?q=${encodeURIComponent(word)}` },
  { key: "search", label: "search page /en/search?q=<word>", path: (word: string) => `/en/search?q=${encodeURIComponent(word)}` },
  { key: "initiative", label: "initiative page", path: (_word: string, slug: string) => `/en/initiatives/${slug}` },
] as const;

/** The one build, made only when a file it reads changed since the last one (scripts/cli/build-app.ts). */
function build(): void {
  buildIfChanged({ distDir: DIST_DIR, log: (line) => log(`  ${line}`) });
}

async function measureEngine(engine: DatabaseProvider, url: string, preparation: string, port: number): Promise<EngineResult> {
  const prisma = createPrismaClient(url, 10_000);
  const page = await prisma.initiative.findFirstOrThrow({
    orderBy: [{ version: "desc" }, { id: "asc" }],
    skip: Math.floor(initiatives / 2),
    select: { slug: true },
  });
  const slugs = (
    await prisma.initiative.findMany({ orderBy: { id: "asc" }, where: { slug: { not: page.slug } }, take: writers * 3, select: { slug: true } })
  ).map((row) => row.slug);
  const user = await createUser(prisma, {
    email: `bench-engines-${Date.now()}@example.test`,
    displayName: "Bench Writer",
    role: "editor",
    password: `bench-${Math.random()}`,
  });
  const { token } = await createSession(prisma, user.id);
  await prisma.$disconnect();
  const cookie = `${SESSION_COOKIE}=${token}`;

  const dist = `${DIST_DIR}-bench-${engine}`;
  rmSync(dist, { recursive: true, force: true });
  cpSync(DIST_DIR, dist, { recursive: true, filter: (source) => path.relative(DIST_DIR, source) !== "cache" });
  const base = `http://localhost:${port}`;
  const app = startGroup(`next start (${engine})`, "npx", ["next", "start", "-p", String(port), "-H", "localhost"], {
    ...process.env,
    NEXT_DIST_DIR: dist,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    MUTATION_RATE_LIMIT_PER_MINUTE: "1000000",
  });
  groups.push(app);
  try {
    await waitForHttp(`${base}/en/sign-in`, 120_000, app);
    log(`${engine}: ${base} on ${describeDatabaseUrl(url)}`);
    // Warm every page kind once (the first request of a fresh process compiles and connects).
    for (const target of PAGES) await timedGet(base + target.path(SEARCH_WORDS[0]!, page.slug));

    const coldTimings = new Map<string, (ServerTiming | null)[]>(PAGES.map((target) => [target.key, []]));
    const writeTimings: (ServerTiming | null)[] = [];
    const writeErrors: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const written = await postStatusChange(base, page.slug, cookie, round);
      if ("error" in written) writeErrors.push(written.error);
      else writeTimings.push(written.timing);
      const word = SEARCH_WORDS[(round + 1) % SEARCH_WORDS.length]!;
      for (const target of PAGES) coldTimings.get(target.key)!.push(await timedGet(base + target.path(word, page.slug)));
    }
    const cold = Object.fromEntries(
      [...coldTimings].map(([key, timings]) => [key, { ...summarize(timings), missedCache: timings.filter((timing) => (timing?.queries ?? 0) > 0).length }]),
    );
    const warm: Record<string, TimeSummary> = {};
    for (const target of PAGES) warm[target.key] = await sampleWarm(base + target.path(SEARCH_WORDS[0]!, page.slug), 30);

    log(`${engine}: write loop, ${writers} editors for ${duration} s…`);
    const loop = await runWriteLoop({
      base,
      publicBase: base,
      slugs: Array.from({ length: writers }, (_, w) => slugs.filter((_, i) => i % writers === w)),
      durationMs: duration * 1000,
      cookie,
      sampleEvery: 10,
      pollMs: 50,
      visibleTimeoutMs: 30_000,
    });
    return { engine, url: describeDatabaseUrl(url), preparation, cold, warm, write: summarize(writeTimings, (t) => t.action), writeErrors, loop };
  } finally {
    await stopGroup(app);
    groups.splice(groups.indexOf(app), 1);
    rmSync(dist, { recursive: true, force: true });
  }
}

function table(results: EngineResult[]): string {
  const ms = (summary: TimeSummary) => `${fmt(summary.p50, 1)} / ${fmt(summary.p95, 1)}`;
  const header = `| measure | ${results.map((result) => result.engine).join(" | ")} |`;
  const lines = [header, `| --- | ${results.map(() => "---:").join(" | ")} |`];
  for (const target of PAGES) {
    lines.push(
      `| ${target.label}: cold p50 / p95 ms (db p50) | ${results.map((r) => `${ms(r.cold[target.key]!)} (${fmt(r.cold[target.key]!.dbP50, 1)})`).join(" | ")} |`,
    );
  }
  for (const target of PAGES) lines.push(`| ${target.label}: warm p50 / p95 ms | ${results.map((r) => ms(r.warm[target.key]!)).join(" | ")} |`);
  lines.push(`| status change, the write (action span) p50 / p95 ms | ${results.map((r) => ms(r.write)).join(" | ")} |`);
  lines.push(`| write loop: acknowledged writes/s (${writers} editors, each GET + POST) | ${results.map((r) => fmt(r.loop.writesPerSecond, 1)).join(" | ")} |`);
  lines.push(`| write loop: POST p50 / p99 ms | ${results.map((r) => `${fmt(r.loop.postP50, 0)} / ${fmt(r.loop.postP99, 0)}`).join(" | ")} |`);
  lines.push(`| write loop: conflicts / failed | ${results.map((r) => `${r.loop.conflicts} / ${r.loop.failed}`).join(" | ")} |`);
  return lines.join("\n");
}

async function main() {
  const started = new Date();
  log(`Engines bench — ${started.toISOString()}, ${cpus().length} cores, Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}`);
  log(
    `Settings: ${initiatives} initiatives, ${changes} changes; engines ${engines.join(", ")}; ${rounds} cold rounds, 30 warm views, write loop ${writers} editors × ${duration} s`,
  );

  const file = defaultBenchPath(initiatives, changes);
  let sqlitePreparation: string;
  if (args.flag("reuse") && existsSync(file)) {
    await applyMigrations(`file:${file}`);
    sqlitePreparation = `reused ${path.relative(process.cwd(), file)}`;
  } else {
    const built = await buildBenchData({ initiatives, changes, out: file, log: (line) => log(`  ${line}`) });
    sqlitePreparation = `generated in ${built.seconds.toFixed(0)} s`;
  }
  log(`SQLite: ${file} (${(statSync(file).size / 1048576).toFixed(0)} MB, ${sqlitePreparation})`);

  const postgresUrl = withDatabase(postgresServer, `tracker_bench_${initiatives}_${changes}`);
  let postgresPreparation = "";
  if (engines.includes("postgres")) {
    if (args.flag("reuse") && (await postgresBenchReady(postgresUrl, initiatives))) {
      await applyMigrations(postgresUrl);
      postgresPreparation = `reused ${describeDatabaseUrl(postgresUrl)}`;
    } else {
      log(`PostgreSQL: copying the same rows into ${describeDatabaseUrl(postgresUrl)}…`);
      const copied = await copyToPostgres(file, postgresUrl, log);
      postgresPreparation = `copied from the SQLite file in ${copied.seconds.toFixed(0)} s`;
    }
    log(`PostgreSQL: ${postgresPreparation}`);
  }

  build();
  const port = args.number("port", 0) || (await freePort());
  const results: EngineResult[] = [];
  for (const engine of engines) {
    results.push(
      await measureEngine(engine, engine === "postgres" ? postgresUrl : `file:${file}`, engine === "postgres" ? postgresPreparation : sqlitePreparation, port),
    );
    await sleep(500);
  }

  log("");
  log(table(results));
  for (const result of results) {
    if (result.writeErrors.length) log(`${result.engine}: ${result.writeErrors.length} status changes failed, e.g. ${result.writeErrors[0]}`);
    for (const [key, cold] of Object.entries(result.cold)) {
      if (cold.missedCache < cold.samples)
        log(`${result.engine}: ${key}: ${cold.samples - cold.missedCache} of ${cold.samples} cold views were answered from the cache (0 queries)`);
    }
  }
  log(`Load average after: ${loadavg()[0]!.toFixed(2)}`);
  mkdirSync("data", { recursive: true });
  const out = path.join("data", `bench-engines-${started.toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(out, JSON.stringify({ started: started.toISOString(), initiatives, changes, rounds, duration, writers, results }, null, 2));
  log(`JSON: ${out}`);
  const failed = results.filter((result) => result.writeErrors.length === rounds || result.loop.acknowledged === 0);
  if (failed.length) throw new Error(`No write succeeded on ${failed.map((result) => result.engine).join(", ")}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
