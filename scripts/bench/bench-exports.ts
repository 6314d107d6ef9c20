import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "../../lib/db/schema-engine";
import { parseArgs } from "./args";
import { getEnv } from "../../lib/env";
import { appServerEnv } from "../cli/app-node-options";
import { buildIfChanged } from "../cli/build-app";
import { buildBenchData, defaultBenchPath } from "./build-bench-data";
import { freePort, killGroupNow, MemorySampler, sleep, startGroup, stopGroup, waitForHttp, type Group } from "./processes";

/**
 * `npm run bench:exports [-- --initiatives 100000 --changes 100000 --exports 3 --format json|csv|mixed]
 *   [--reuse] [--skip-build] [--port N]` (`--port` pins the app's port; a free one otherwise)
 *
 * The export target of issue 11: while `--exports` full exports of every initiative download at
 * once, does `/api/health` still answer within 200 ms, and does the app stay under 500 MB? Starts
 * the production build (`next build` into .next unless --skip-build) on a synthetic database,
 * measures health and memory idle, then during the exports (health polled every 100 ms, memory
 * every 100 ms plus the kernel's own peak), and prints the figures with the targets.
 */
const args = parseArgs(process.argv.slice(2), {
  numbers: ["initiatives", "changes", "exports", "port"],
  strings: ["db", "format"],
  flags: ["reuse", "skip-build"],
});
const initiatives = args.number("initiatives", 100_000);
const changes = args.number("changes", 100_000);
const exportCount = Math.max(1, args.number("exports", 3));
const format = args.string("format") ?? "json";
if (format !== "json" && format !== "csv" && format !== "mixed") throw new Error(`--format must be json, csv or mixed, got "${format}"`);
// "mixed": JSON and CSV in turn (json, csv, json… for --exports 3).
const fileOf = (index: number) => `initiatives.${format === "mixed" ? (index % 2 === 0 ? "json" : "csv") : format}`;
const files = [...new Set(Array.from({ length: exportCount }, (_, index) => fileOf(index)))].join(" and ");
const TARGET_HEALTH_MS = 200;
const TARGET_RSS_MB = 500;

const groups: Group[] = [];
process.on("exit", () => groups.forEach(killGroupNow));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
};

async function healthMs(base: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${base}/api/health`);
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

async function download(url: string): Promise<{ seconds: number; bytes: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url);
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return { seconds: (performance.now() - started) / 1000, bytes, status: response.status };
}

async function main() {
  const databaseFile = path.resolve(args.string("db") ?? defaultBenchPath(initiatives, changes));
  if (args.flag("reuse") && existsSync(databaseFile)) {
    console.log(`Reusing ${databaseFile} (${(statSync(databaseFile).size / 1048576).toFixed(0)} MB)`);
    await applyMigrations(`file:${databaseFile}`);
  } else {
    console.log(`Generating ${initiatives} initiatives and ${changes} history entries into ${databaseFile}…`);
    await buildBenchData({ initiatives, changes, out: databaseFile, log: (line) => console.log(`  ${line}`) });
  }

  // Made or reused as `npm start` does: only when a file the build reads changed since the last build.
  if (!args.flag("skip-build") || !existsSync(".next/BUILD_ID")) buildIfChanged({ distDir: ".next", log: (line) => console.log(`  ${line}`) });

  const port = args.number("port", 0) || (await freePort());
  const base = `http://localhost:${port}`;
  const app = startGroup("next start", "npx", ["next", "start", "-p", String(port), "-H", "localhost"], {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    // As `npm start` runs it (its memory settings: APP_HEAP_MB, APP_SEMI_SPACE_MB, MALLOC_ARENA_MAX).
    ...appServerEnv(getEnv()),
    DATABASE_URL: `file:${databaseFile}`,
  });
  groups.push(app);
  await waitForHttp(`${base}/api/health`, 60_000, app);
  const memory = new MemorySampler(app.pid);
  memory.start(100);

  // Idle: warm the routes once, then ten health checks.
  for (let index = 0; index < Math.min(2, exportCount); index++) await download(`${base}/api/export/${fileOf(index)}?q=warmup`);
  const idle: number[] = [];
  for (let i = 0; i < 10; i++) idle.push((await healthMs(base)).ms);
  await sleep(500);
  memory.sample();
  const idleRssMb = memory.peakAppRssKb / 1024;

  console.log(`Exporting every initiative ${exportCount}× at once (${files}) while polling /api/health…`);
  let exporting = true;
  const during: number[] = [];
  const statuses = new Set<number>();
  const poller = (async () => {
    while (exporting) {
      const { ms, status } = await healthMs(base);
      during.push(ms);
      statuses.add(status);
      await sleep(100);
    }
  })();
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: exportCount }, (_, index) => download(`${base}/api/export/${fileOf(index)}`)));
  const wall = (performance.now() - started) / 1000;
  exporting = false;
  await poller;
  memory.stop();
  await stopGroup(app);
  groups.length = 0;

  const peakMb = Math.max(memory.peakAppRssKb, memory.appHwmKb) / 1024;
  const maxHealth = Math.max(...during);
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(34)} ${value}`);
  console.log(`\nExports at ${initiatives.toLocaleString("en")} initiatives (${exportCount} at once: ${files}):`);
  for (const [index, result] of results.entries())
    line(`export ${index + 1} (${fileOf(index)})`, `HTTP ${result.status}, ${(result.bytes / 1048576).toFixed(1)} MB in ${result.seconds.toFixed(1)} s`);
  line("all exports done after", `${wall.toFixed(1)} s`);
  line("health idle (10×)", `p50 ${quantile(idle, 0.5).toFixed(0)} ms, max ${Math.max(...idle).toFixed(0)} ms`);
  line(
    `health during exports (${during.length}×)`,
    `p50 ${quantile(during, 0.5).toFixed(0)} ms, p95 ${quantile(during, 0.95).toFixed(0)} ms, max ${maxHealth.toFixed(0)} ms; HTTP ${[...statuses].join(", ")}`,
  );
  line("app memory (next-server RSS)", `idle ${idleRssMb.toFixed(0)} MB, peak ${peakMb.toFixed(0)} MB`);
  const healthOk = maxHealth < TARGET_HEALTH_MS;
  const memoryOk = peakMb < TARGET_RSS_MB;
  console.log(
    `\nTargets: health < ${TARGET_HEALTH_MS} ms during the exports: ${healthOk ? "met" : "MISSED"} (max ${maxHealth.toFixed(0)} ms); app < ${TARGET_RSS_MB} MB: ${memoryOk ? "met" : "MISSED"} (peak ${peakMb.toFixed(0)} MB)`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
