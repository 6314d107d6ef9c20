import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runCli } from "./run-cli";

/**
 * `next build` only when something it reads changed since the last build (1–2 minutes saved on
 * every `npm start`, test run and bench run otherwise). The fingerprint is a hash of every file the
 * build can read (sources, messages, generated client, styles, configs, the lock file), of the
 * NEXT_PUBLIC_ variables it inlines and of Node's version, kept beside the build it describes. It
 * builds with `npm run build`, the one definition of a build (next build, then V8's compile hint on
 * the browser chunks: add-compile-hints.ts).
 */

const INPUT_DIRS = ["app", "components", "lib", "seed", "public", "prisma"];
const INPUT_FILES = [
  "proxy.ts",
  "next.config.ts",
  "scripts/cli/add-compile-hints.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];
const FINGERPRINT_FILE = "source-fingerprint";

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return entry.isFile() ? [full] : [];
  });
}

export function sourceFingerprint(root = process.cwd()): string {
  const hash = createHash("sha256");
  const files = [...INPUT_DIRS.flatMap((dir) => listFiles(path.join(root, dir))), ...INPUT_FILES.map((file) => path.join(root, file)).filter(existsSync)];
  for (const file of files.sort()) {
    hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  const inlined = Object.entries(process.env)
    .filter(([key]) => key.startsWith("NEXT_PUBLIC_"))
    .sort(([a], [b]) => a.localeCompare(b));
  hash.update(JSON.stringify({ node: process.version, inlined }));
  return hash.digest("hex");
}

export interface BuildResult {
  built: boolean;
  seconds: number;
  reason: string;
}

/** Builds into `distDir` unless its last build had the same fingerprint; says which it did. */
export function buildIfChanged(options: { distDir?: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {}): BuildResult {
  const distDir = options.distDir ?? process.env.NEXT_DIST_DIR ?? ".next";
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const fingerprint = sourceFingerprint();
  const stamp = path.join(distDir, FINGERPRINT_FILE);
  const previous = existsSync(stamp) && existsSync(path.join(distDir, "BUILD_ID")) ? readFileSync(stamp, "utf8").trim() : null;
  if (previous === fingerprint) {
    const age = Math.round((Date.now() - statSync(stamp).mtimeMs) / 60_000);
    log(`The build in ${distDir}/ is up to date (nothing it reads changed since it was made, ${age} min ago): not rebuilding.`);
    return { built: false, seconds: (performance.now() - started) / 1000, reason: "unchanged" };
  }
  const reason = previous === null ? `no finished build in ${distDir}/` : "sources or dependencies changed since the last build";
  log(`Building the app into ${distDir}/ (${reason})…`);
  const build = spawnSync("npm", ["run", "build"], {
    stdio: "inherit",
    env: { ...process.env, ...options.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("The build failed (see above).");
  writeFileSync(stamp, `${fingerprint}\n`);
  const seconds = (performance.now() - started) / 1000;
  log(`Built in ${seconds.toFixed(1)} s.`);
  return { built: true, seconds, reason };
}

// `npx tsx scripts/cli/build-app.ts`: what tests/run-e2e.sh runs before the browser tests.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(async () => {
    buildIfChanged();
  });
}
