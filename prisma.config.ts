import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

// The CLI's native schema engine cannot be downloaded here. `generate` needs only a
// path to some executable; migrations run through the WebAssembly engine instead
// (docs/decisions/001-offline-migration-engine.md).
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = existsSync("/bin/false") ? "/bin/false" : "/usr/bin/false";
}

// One schema folder per provider sharing prisma/models.prisma; PRISMA_PROVIDER picks one
// (`npm run db:generate` generates both clients).
const provider = process.env.PRISMA_PROVIDER === "postgres" ? "postgres" : "sqlite";

export default defineConfig({
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations` },
});
