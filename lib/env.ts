import { z } from "zod";
import { parseTrustedProxies } from "./security/client-address";

const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(
        /^(file:.+|postgres(ql)?:\/\/.+)/,
        "must be a SQLite file URL such as file:./data/tracker.db or a PostgreSQL URL such as postgresql://user:password@host:5432/tracker",
      )
      .default("file:./data/tracker.db"),
    DATABASE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
    // SQLite only: "full" syncs the disk at every commit (a write survives power loss), "normal" at checkpoints (decision 031).
    SQLITE_SYNCHRONOUS: z.enum(["normal", "full"]).default("normal"),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    // The app server's V8 heap bound (npm start passes it as --max-old-space-size): V8 otherwise lets the
    // heap grow towards a quarter of the machine's memory before collecting hard (decision 031).
    APP_HEAP_MB: z.coerce.number().int().min(128).max(65_536).default(320),
    // Each of V8's two young-generation halves (--max-semi-space-size): Node's 16 MB default keeps up
    // to 32 MB of short-lived garbage resident between scavenges; 8 MB cost no throughput here (decision 050).
    APP_SEMI_SPACE_MB: z.coerce.number().int().min(1).max(256).default(8),
    // glibc's malloc arenas for the app server (npm start sets MALLOC_ARENA_MAX): one per thread by
    // default, each keeping what it once held; two held ~50 MB less at the same throughput (decision 050).
    MALLOC_ARENA_MAX: z.coerce.number().int().min(1).max(64).default(2),
    HOST: z.string().min(1).default("localhost"),
    STALE_AFTER_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    MUTATION_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
    // The data cache (cache-handler.mjs repeats these rules: Next loads that file uncompiled).
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/.+/, "must be a Redis URL such as redis://127.0.0.1:6379")
      .optional(),
    REDIS_KEY_PREFIX: z.string().min(1).default("tracker:"),
    DATA_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
    DATA_CACHE_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(64),
    DATA_CACHE_MAX_ENTRY_KB: z.coerce.number().int().min(1).max(1_000_000).default(256),
    // The in-app HTML cache of anonymous pages (decision 041): on by default; an entry lives at most
    // HTML_CACHE_TTL_MS after its render (other instances' writes show within it; this one's at once,
    // so only a single instance should raise it above the front's one second).
    HTML_CACHE: z
      .enum(["on", "off"])
      .default("on")
      .transform((value) => value === "on"),
    HTML_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1_000),
    HTML_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(100_000).default(500),
    HTML_CACHE_MAX_MB: z.coerce.number().int().min(1).max(10_000).default(32),
    HTML_CACHE_MAX_ENTRY_KB: z.coerce.number().int().min(1).max(100_000).default(1_024),
    // Lets monitoring read /api/health's details without an admin session (unset: admins only).
    HEALTH_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    // Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated); none by default.
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .superRefine((value, context) => {
        try {
          parseTrustedProxies(value);
        } catch (error) {
          context.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
    // Shared with the caching front (deploy/nginx.conf); unset means no front is trusted.
    FRONT_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -hex 32)").optional(),
    // The front's address as readers use it (its scheme and host are part of the front's cache key):
    // after a write the app asks it there for fresh copies of the changed pages (needs FRONT_SECRET).
    FRONT_URL: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
    ),
    // next.config.ts reads the same variable at build time for the request body limits.
    SOURCE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    // E-mail alerts are off unless an SMTP server is named (an empty value counts as unset).
    SMTP_URL: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    ),
    ALERTS_FROM: z.string().min(3).default("Summit Initiatives Tracker <alerts@localhost>"),
    // Who may put /embed/… in an iframe: a CSP frame-ancestors source list ("*" = any site).
    EMBED_FRAME_ANCESTORS: z
      .string()
      .trim()
      .min(1)
      .regex(/^[^;,\r\n]+$/, "must be a space-separated list of sources such as * or https://example.org")
      .default("*"),
    // The address the tracker is reached at, for links in e-mails; defaults to http://HOST:PORT.
    PUBLIC_URL: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
    ),
  })
  .refine((env) => !env.FRONT_URL || env.FRONT_SECRET, {
    path: ["FRONT_URL"],
    message: "needs FRONT_SECRET: the front refreshes a page only for the secret it shares with the app",
  })
  .transform((env) => ({ ...env, PUBLIC_URL: (env.PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/+$/, "") }));

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
