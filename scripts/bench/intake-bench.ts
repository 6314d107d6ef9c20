import { copyFileSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../../lib/db/create-client";
import { getSourceReview } from "../../lib/matcher/review-source";
import { addSource } from "../../lib/sources/add-source";
import { addSourceSchema } from "../../lib/sources/source-schemas";
import { parseArgs } from "./args";
import { buildBenchData, defaultBenchPath } from "./build-bench-data";
import { Rng } from "./prng";
import { articleSentence } from "./words";

/**
 * `npm run bench:intake -- --initiatives 100000 [--changes 100000] [--chars 50000] [--runs 3] [--reuse]`
 *
 * Times what an editor waits for when saving a source: adding a text of --chars characters
 * (stored, hashed, history entry, search rows) and matching it against every initiative (the
 * review page's data), on the synthetic database of docs/benchmarks.md (built unless --reuse
 * finds it). Runs on a copy, so the benchmark database stays as built. Prints one line per run.
 */
const args = parseArgs(process.argv.slice(2), { numbers: ["initiatives", "changes", "chars", "runs"], flags: ["reuse"] });
const initiatives = args.number("initiatives", 100_000);
const changes = args.number("changes", initiatives);
const chars = args.number("chars", 50_000);
const runs = args.number("runs", 3);

const built = defaultBenchPath(initiatives, changes);
if (!args.flag("reuse") || !existsSync(built)) await buildBenchData({ initiatives, changes });
const copy = path.resolve("data", `bench-intake-${process.pid}.db`);
copyFileSync(built, copy);
const prisma = createPrismaClient(`file:${copy}`, 5_000);

try {
  const editor = { id: 1, email: "bench-editor-1@example.test", displayName: "Bench Editor 1", role: "editor" as const };
  // Some sentences name real initiatives (their titles), as a follow-up report would.
  const titles = (await prisma.initiative.findMany({ select: { titleRu: true }, take: 20, orderBy: { id: "asc" } })).map((row) => row.titleRu);
  const rng = new Rng("intake");
  console.log(`intake benchmark: ${initiatives} initiatives, ${chars}-character sources, ${runs} runs`);
  console.log("run | add source ms | match ms | total ms | sentences | initiatives proposed");
  for (let run = 1; run <= runs; run++) {
    const parts = [`Синтетический текст для замера ${run} ${process.pid} ${Date.now()}.`];
    let length = parts[0]!.length;
    while (length < chars) {
      const sentence = rng.int(0, 9) === 0 ? `Участники обсудили ход работы: ${rng.pick(titles)}.` : articleSentence(rng);
      parts.push(sentence);
      length += sentence.length + 1;
    }
    const text = parts.join(rng.int(0, 3) === 0 ? "\n\n" : " ").slice(0, chars);
    const input = addSourceSchema.parse({ origin: "paste", language: "ru", text });
    const t0 = performance.now();
    const { id } = await addSource(prisma, editor, input, { maxBytes: 10 * 1024 * 1024 });
    const t1 = performance.now();
    const review = await getSourceReview(prisma, id);
    const t2 = performance.now();
    console.log(
      `${run} | ${(t1 - t0).toFixed(0)} | ${(t2 - t1).toFixed(0)} | ${(t2 - t0).toFixed(0)} | ${review!.sentences} | ${review!.initiatives.filter((i) => i.candidates.length).length}`,
    );
  }
} finally {
  await prisma.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
}
