import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

// The CLI's native schema engine cannot be downloaded here. `generate` needs only a
// path to some executable; migrations run through the WebAssembly engine instead
// (docs/decisions/001-offline-migration-engine.md).
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = existsSync("/bin/false") ? "/bin/false" : "/usr/bin/false";
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
