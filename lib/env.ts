import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)/, "must be a SQLite file URL such as file:./data/tracker.db or a PostgreSQL URL such as postgresql://user:password@host:5432/tracker")
    .default("file:./data/tracker.db"),
  DATABASE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  STALE_AFTER_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  MUTATION_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  // The data cache (cache-handler.mjs repeats these rules: Next loads that file uncompiled).
  REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, "must be a Redis URL such as redis://127.0.0.1:6379").optional(),
  REDIS_KEY_PREFIX: z.string().min(1).default("tracker:"),
  DATA_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  DATA_CACHE_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(64),
  DATA_CACHE_MAX_ENTRY_KB: z.coerce.number().int().min(1).max(1_000_000).default(256),
  // next.config.ts reads the same variable at build time for the request body limits.
  SOURCE_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses the environment once; a bad value stops the process with a message naming it. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
