import Database from "better-sqlite3";
import { parseArgs } from "./args";
import { parseServerTiming, postStatusChange, sampleWarm, summarize, timedGet, type ServerTiming, type TimeSummary } from "./server-time";
import { createEditorSession, deleteSession, runWriteLoop } from "./write-loop";

/**
 * The initiative page on its own (decision 051): warm and cold server time, public and signed in,
 * its size, and the editors' write loop, against an app already running on `--base` with the
 * bench database `--db` (npm run bench:data). Meant to be run under the heavy lock for two builds
 * one after the other, so their figures come from the same minutes:
 *
 *   npx tsx scripts/bench/page-bench.ts --base http://localhost:3510 --db data/bench-20-200.db
 */

const args = parseArgs(process.argv.slice(2), { numbers: ["warm", "cold", "seconds", "writers"], strings: ["base", "db", "label", "slug"] });
const base = args.string("base") ?? "http://localhost:3510";
const dbFile = args.string("db") ?? "data/bench-20-200.db";
const warmCount = args.number("warm", 100);
const coldRounds = args.number("cold", 40);
const seconds = args.number("seconds", 8);
const writers = args.number("writers", 8);

const ms = (value: number | null) => (value === null ? "—" : value.toFixed(1));
const line = (label: string, s: TimeSummary) => console.log(`${label.padEnd(34)} n=${s.samples}  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  db p50 ${ms(s.dbP50)}`);

/** The bench's typical page (history length nearest the mean) unless `--slug` names one, and the writers' own initiatives. */
function pick(): { pageSlug: string; writerSlugs: string[][] } {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const page = db.prepare(`SELECT "slug" FROM "Initiative" ORDER BY abs("version" - (SELECT avg("version") FROM "Initiative")), "id" LIMIT 1`).get() as {
      slug: string;
    };
    const rows = db.prepare(`SELECT "slug" FROM "Initiative" WHERE "slug" <> ? ORDER BY "version", "id" LIMIT ?`).all(page.slug, writers * 2) as {
      slug: string;
    }[];
    const writerSlugs = Array.from({ length: writers }, (_, w) => rows.filter((_, i) => i % writers === w).map((r) => r.slug)).filter((list) => list.length);
    return { pageSlug: args.string("slug") ?? page.slug, writerSlugs };
  } finally {
    db.close();
  }
}

async function signedInGet(url: string, cookie: string): Promise<{ timing: ServerTiming | null; bytes: number }> {
  const response = await fetch(url, { headers: { cookie } });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { timing: parseServerTiming(response.headers.get("server-timing")), bytes };
}

async function main() {
  const { pageSlug, writerSlugs } = pick();
  const session = await createEditorSession(dbFile);
  try {
    const url = `${base}/en/initiatives/${pageSlug}`;
    console.log(`${args.string("label") ?? base}: ${url}`);
    const publicBytes = (await (await fetch(url)).arrayBuffer()).byteLength;
    line("public, warm", await sampleWarm(url, warmCount));

    const signedIn: (ServerTiming | null)[] = [];
    let editorBytes = 0;
    for (let k = 0; k <= warmCount; k++) {
      const { timing, bytes } = await signedInGet(url, session.cookie);
      editorBytes = bytes;
      if (k > 0) signedIn.push(timing);
    }
    line("signed in, warm", summarize(signedIn));
    console.log(`${"page size".padEnd(34)} public ${(publicBytes / 1000).toFixed(1)} kB, signed in ${(editorBytes / 1000).toFixed(1)} kB`);

    const cold: (ServerTiming | null)[] = [];
    const coldEditor: (ServerTiming | null)[] = [];
    const posts: (ServerTiming | null)[] = [];
    for (let round = 0; round < coldRounds; round++) {
      const written = await postStatusChange(base, pageSlug, session.cookie, round);
      if ("error" in written) throw new Error(written.error);
      posts.push(written.timing);
      // Alternate which view comes first after the write, so each is measured cold half the time.
      if (round % 2 === 0) cold.push(await timedGet(url));
      else coldEditor.push((await signedInGet(url, session.cookie)).timing);
    }
    line("public, cold (after a status change)", summarize(cold));
    line("signed in, after a status change", summarize(coldEditor));
    line("status change POST (whole)", summarize(posts));
    const queries = cold.filter((t): t is ServerTiming => t !== null).map((t) => t.queries);
    console.log(`${"public cold queries".padEnd(34)} min ${Math.min(...queries)} max ${Math.max(...queries)}`);

    const loop = await runWriteLoop({
      base,
      publicBase: base,
      slugs: writerSlugs,
      durationMs: seconds * 1000,
      cookie: session.cookie,
      sampleEvery: 1_000_000,
      pollMs: 50,
      visibleTimeoutMs: 30_000,
    });
    console.log(
      `${"write loop".padEnd(34)} ${loop.workers} editors, ${loop.seconds.toFixed(1)} s: ${loop.writesPerSecond.toFixed(1)} writes/s ` +
        `(${loop.acknowledged} acknowledged, ${loop.conflicts} conflicts, ${loop.failed} failed); GET server p50 ${ms(loop.getServerP50)}, ` +
        `POST server p50 ${ms(loop.postServerP50)} p95 ${ms(loop.postServerP95)}${loop.firstErrors.length ? `; ${loop.firstErrors.join("; ")}` : ""}`,
    );
  } finally {
    deleteSession(dbFile, session.sessionId);
  }
}

await main();
