import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runCli } from "./run-cli";

/**
 * Marks every browser chunk of a build with V8's explicit compile hint (decision 055), so Chrome
 * (136 and later) compiles all its functions eagerly on a background thread while the file streams
 * in, instead of on the main thread at each function's first call. The framework's start-up task,
 * most of it lazy compilation, then blocks a phone's main thread for about half as long. The hint
 * works only as the file's first line; marking twice is a no-op, so a build can be re-marked.
 *
 *   npx tsx scripts/cli/add-compile-hints.ts [distDir]   (default NEXT_DIST_DIR or .next)
 */

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** Prepends the hint to each `.js` file in `<distDir>/static/chunks` that lacks it; returns how many it marked. */
export function addCompileHints(distDir: string): number {
  const chunks = path.join(distDir, "static", "chunks");
  let marked = 0;
  for (const name of readdirSync(chunks)) {
    if (!name.endsWith(".js")) continue;
    const file = path.join(chunks, name);
    const code = readFileSync(file, "utf8");
    if (code.startsWith(COMPILE_HINT)) continue;
    writeFileSync(file, COMPILE_HINT + code);
    marked += 1;
  }
  return marked;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(async () => {
    const distDir = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? ".next";
    console.log(`Compile hints added to ${addCompileHints(distDir)} chunk(s) in ${distDir}/static/chunks.`);
  });
}
