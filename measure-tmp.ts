import v8 from "node:v8"; if (process.env.GROW) v8.setFlagsFromString(`--heap-growing-percent=${process.env.GROW}`);
import { createPrismaClient } from "./lib/db/create-client";
import { initiativeRows, jsonChunks, streamBody, INITIATIVE_COLUMNS } from "./lib/exports/export-data";
const prisma = createPrismaClient(`file:/work/wt-harden/data/bench-100000-100000.db`, 5000);
async function one(filters = {}) {
  const body = streamBody(jsonChunks(INITIATIVE_COLUMNS, initiativeRows(prisma, filters, "ru", "http://x")));
  let bytes = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return bytes;
}
await one({ q: "warmup" });
const mb = (n: number) => (n / 1048576).toFixed(0);
const m0 = process.memoryUsage();
const peak = { rss: 0, heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 };
const t = setInterval(() => { if (process.env.GC) (globalThis as { gc?: () => void }).gc?.(); const m = process.memoryUsage(); for (const k of Object.keys(peak) as (keyof typeof peak)[]) peak[k] = Math.max(peak[k], m[k]); }, 50);
const t0 = performance.now(); await Promise.all([one(), one(), one()]); console.log("seconds", ((performance.now() - t0) / 1000).toFixed(1));
clearInterval(t);
console.log("before", Object.fromEntries(Object.keys(peak).map((k) => [k, mb(m0[k as keyof typeof peak])])), "peak", Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, mb(v)])), process.execArgv.join(" "));
process.exit(0);
