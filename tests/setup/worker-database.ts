import { newDatabaseUrl } from "../helpers/test-database";

// Every test file gets its own copy of the migrated template before anything opens the
// app's Prisma client (lib/db/prisma.ts reads DATABASE_URL on first use), so files never
// see each other's writes, whichever worker runs them.
process.env.DATABASE_URL = await newDatabaseUrl("file");
(globalThis as { prisma?: unknown }).prisma = undefined;
// Not the driver's default (5000), so a test can tell that the setting reaches the connection.
process.env.DATABASE_BUSY_TIMEOUT_MS = "4321";
