import { copyFileSync, existsSync } from "node:fs";
import path from "node:path";
import { TEMPLATE_DB, TMP_DIR } from "../helpers/paths";

// Each worker gets its own copy of the migrated template before anything opens the
// app's Prisma client (lib/db/prisma.ts reads DATABASE_URL on first use).
const file = path.join(TMP_DIR, `worker-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}.db`);
if (!existsSync(file)) copyFileSync(TEMPLATE_DB, file);
process.env.DATABASE_URL = `file:${file}`;
// Not the driver's default (5000), so a test can tell that the setting reaches the connection.
process.env.DATABASE_BUSY_TIMEOUT_MS = "4321";
