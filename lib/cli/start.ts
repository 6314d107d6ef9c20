import { spawn, spawnSync } from "node:child_process";
import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import { createPrismaClient } from "../db/create-client";
import { applyMigrations } from "../db/schema-engine";
import { getEnv } from "../env";
import { runCli } from "./run-cli";

/** `npm start`: migrate, seed an empty database, build, serve, and say where. */
runCli(async () => {
  const env = getEnv();
  const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

  const applied = await applyMigrations(env.DATABASE_URL);
  console.log(applied.length ? `Database ${env.DATABASE_URL}: applied ${applied.join(", ")}` : `Database ${env.DATABASE_URL}: up to date`);

  const prisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_BUSY_TIMEOUT_MS);
  try {
    if ((await prisma.initiative.count()) === 0) {
      const summary = await seedDatabase(prisma, catalog);
      console.log(`Seeded ${summary.initiatives} initiatives with ${summary.quotes} verified quotes from the articles.`);
    }
  } finally {
    await prisma.$disconnect();
  }

  console.log("Building the app…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: childEnv });
  if (build.status !== 0) throw new Error("next build failed (see above).");

  const server = spawn("npx", ["next", "start", "-p", String(env.PORT), "-H", env.HOST], {
    stdio: ["inherit", "pipe", "inherit"],
    env: childEnv,
  });
  const url = `http://${env.HOST}:${env.PORT}`;
  let announced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready/.test(chunk.toString())) {
      announced = true;
      console.log(`\nSummit Initiatives Tracker is running at ${url}  (English: ${url}/en)\nPress Ctrl+C to stop.`);
    }
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  await new Promise<void>((resolve, reject) =>
    server.on("exit", (code, signal) => (code === 0 || signal ? resolve() : reject(new Error(`next start exited with code ${code}`)))),
  );
});
