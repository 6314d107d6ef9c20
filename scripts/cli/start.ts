import { spawn } from "node:child_process";
import { prepareDatabase } from "../../lib/db/prepare-database";
import { getEnv } from "../../lib/env";
import { appServerEnv } from "./app-node-options";
import { buildIfChanged } from "./build-app";
import { runCli } from "./run-cli";

/** `npm start`: migrate, seed an empty database, build when the sources changed, serve, and say where. */
runCli(async () => {
  const env = getEnv();
  const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...appServerEnv(env) };

  const { applied, seeded, reindexed } = await prepareDatabase(env.DATABASE_URL, env.DATABASE_BUSY_TIMEOUT_MS, { seedWhenEmpty: true });
  console.log(applied.length ? `Database ${env.DATABASE_URL}: applied ${applied.join(", ")}` : `Database ${env.DATABASE_URL}: up to date`);
  if (seeded) console.log(`Seeded ${seeded.initiatives} initiatives with ${seeded.quotes} verified quotes from the articles.`);
  if (reindexed) console.log("Built the search index.");

  buildIfChanged();

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
