import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultScryptParams, hashPassword, SCRYPT_PARAMS, verifyPassword } from "../../lib/auth/password";
import { createPrismaClient } from "../../lib/db/create-client";
import { consumeRateLimit } from "../../lib/auth/rate-limit";
import { createSession, findSessionUser, purgeExpiredSessions, SESSION_TTL_MS } from "../../lib/auth/sessions";
import { SIGN_IN_LIMITS, signIn } from "../../lib/auth/sign-in";
import { setUserActive, UserError } from "../../lib/users/manage-users";
import { freshDatabase } from "../helpers/test-database";
import { TSX } from "../helpers/tsx";
import { makeUser, TEST_PASSWORD } from "../helpers/users";

const db = await freshDatabase("auth");
const prisma = db.prisma;
afterAll(() => prisma.$disconnect());

describe("passwords", () => {
  it("are hashed with scrypt and a per-password salt, and verified", async () => {
    // Outside test runs the cost is the full one; this test spends it once, on purpose.
    expect(defaultScryptParams({})).toEqual(SCRYPT_PARAMS);
    const hash = await hashPassword("correct horse battery staple", defaultScryptParams({}));
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await hashPassword("correct horse battery staple", SCRYPT_PARAMS)).not.toBe(hash);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });
});

describe("signing in", () => {
  let email: string;
  beforeAll(async () => {
    email = (await makeUser(prisma, "editor")).email;
  });

  it("signs in with the right password and stores the session hashed", async () => {
    const result = await signIn(prisma, { email, password: TEST_PASSWORD }, "198.51.100.1");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await findSessionUser(prisma, result.token)).toMatchObject({ email, role: "editor" });
    expect(await prisma.session.findUnique({ where: { id: result.token } })).toBeNull();
  });

  it("answers a wrong password and an unknown e-mail with the same refusal", async () => {
    const wrong = await signIn(prisma, { email, password: "not the password" }, "198.51.100.2");
    const unknown = await signIn(prisma, { email: "nobody@example.test", password: "not the password" }, "198.51.100.2");
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("tells a deactivated account so only when the password is right", async () => {
    const user = await makeUser(prisma, "editor", { active: false });
    expect(await signIn(prisma, { email: user.email, password: "not the password" }, "198.51.100.3")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(prisma, { email: user.email, password: TEST_PASSWORD }, "198.51.100.3")).toEqual({ ok: false, reason: "deactivated" });
  });

  it("backs off wrong passwords per account and client, before checking the password", async () => {
    const user = await makeUser(prisma, "editor");
    const { free } = SIGN_IN_LIMITS.perPair;
    for (let i = 0; i < free; i++) expect(await signIn(prisma, { email: user.email, password: "wrong" }, "203.0.113.1")).toMatchObject({ reason: "invalid" });
    // The sixth failure locks this pair for a minute; the next one waits, even with the right password.
    expect(await signIn(prisma, { email: user.email, password: "wrong" }, "203.0.113.1")).toMatchObject({ reason: "invalid" });
    const blocked = await signIn(prisma, { email: user.email, password: TEST_PASSWORD }, "203.0.113.1");
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    expect((blocked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(50);
    expect((blocked as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    // The lock doubles with each further failure.
    await prisma.rateLimit.update({ where: { key: `sign-in:pair:203.0.113.1:${user.email}` }, data: { resetAt: new Date(Date.now() - 1) } });
    await signIn(prisma, { email: user.email, password: "wrong" }, "203.0.113.1");
    const longer = await signIn(prisma, { email: user.email, password: TEST_PASSWORD }, "203.0.113.1");
    expect((longer as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(110);
  });

  it("does not let strangers lock an editor out: the editor's own client still signs in", async () => {
    const user = await makeUser(prisma, "editor");
    // Six wrong passwords from each of three addresses: three times the old lockout.
    for (let client = 0; client < 3; client++) {
      for (let i = 0; i < 6; i++) await signIn(prisma, { email: user.email, password: "wrong" }, `192.0.2.${client}`);
    }
    expect(await signIn(prisma, { email: user.email, password: TEST_PASSWORD }, "198.51.100.77")).toMatchObject({ ok: true });
  });

  it("keeps a high per-account ceiling against attacks spread over many addresses", async () => {
    const user = await makeUser(prisma, "editor");
    for (let i = 0; i < 5; i++) await signIn(prisma, { email: user.email, password: "wrong" }, `10.9.0.${i}`);
    expect(await signIn(prisma, { email: user.email, password: TEST_PASSWORD }, "198.51.100.79")).toMatchObject({ ok: true });
    // The rest of the ceiling's attempts, counted the way signIn counts them.
    const rule = SIGN_IN_LIMITS.perAccount;
    for (let i = 6; i < rule.limit - 1; i++) await consumeRateLimit(prisma, `sign-in:account:${user.email}`, rule);
    expect(await signIn(prisma, { email: user.email, password: "wrong" }, "10.9.1.1")).toMatchObject({ reason: "invalid" });
    expect(await signIn(prisma, { email: user.email, password: TEST_PASSWORD }, "198.51.100.78")).toMatchObject({ reason: "rate_limited" });
  });

  it("resets a client's counters on its successful sign-in", async () => {
    const user = await makeUser(prisma, "editor");
    for (let i = 0; i < 4; i++) await signIn(prisma, { email: user.email, password: "wrong" }, "198.51.100.90");
    expect(await signIn(prisma, { email: user.email, password: TEST_PASSWORD }, "198.51.100.90")).toMatchObject({ ok: true });
    for (let i = 0; i < SIGN_IN_LIMITS.perPair.free; i++) {
      expect(await signIn(prisma, { email: user.email, password: "wrong" }, "198.51.100.90")).toMatchObject({ reason: "invalid" });
    }
    expect(await prisma.rateLimit.findUnique({ where: { key: "sign-in:client:198.51.100.90" } })).toMatchObject({ count: SIGN_IN_LIMITS.perPair.free });
  });

  it("limits attempts per client across accounts", async () => {
    const client = "192.0.2.55";
    for (let i = 0; i < SIGN_IN_LIMITS.perClient.limit; i++) await signIn(prisma, { email: `guess${i}@example.test`, password: "x" }, client);
    expect(await signIn(prisma, { email, password: TEST_PASSWORD }, client)).toMatchObject({ reason: "rate_limited" });
    expect(await signIn(prisma, { email, password: TEST_PASSWORD }, "192.0.2.56")).toMatchObject({ ok: true });
  });

  it("keeps the count in the database, so a second app instance sees it", async () => {
    const second = createPrismaClient(db.url, 5000);
    const key = "test:shared";
    const rule = { limit: 2, windowMs: 60_000 };
    expect((await consumeRateLimit(prisma, key, rule)).allowed).toBe(true);
    expect((await consumeRateLimit(second, key, rule)).allowed).toBe(true);
    expect((await consumeRateLimit(prisma, key, rule)).allowed).toBe(false);
    await second.$disconnect();
  });

  it("loses no count when 40 hits arrive at once from two instances", async () => {
    const second = createPrismaClient(db.url, 5000);
    const key = "test:concurrent";
    const rule = { limit: 30, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => consumeRateLimit(i % 2 ? second : prisma, key, rule)));
    expect(results.filter((result) => result.allowed)).toHaveLength(30);
    expect([...results.map((result) => result.remaining)].sort((a, b) => a - b).slice(-3)).toEqual([27, 28, 29]);
    expect((await prisma.rateLimit.findUnique({ where: { key } }))?.count).toBe(40);
    await second.$disconnect();
  });

  it("starts a new window once the old one has ended", async () => {
    const key = "test:window";
    const rule = { limit: 1, windowMs: 1_000 };
    const start = new Date("2026-06-01T10:00:00Z");
    expect((await consumeRateLimit(prisma, key, rule, start)).allowed).toBe(true);
    expect((await consumeRateLimit(prisma, key, rule, new Date(start.getTime() + 500))).allowed).toBe(false);
    const fresh = await consumeRateLimit(prisma, key, rule, new Date(start.getTime() + 1_000));
    expect(fresh).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 1 });
  });
});

describe("sessions", () => {
  it("expire, and expired ones are purged", async () => {
    const user = await makeUser(prisma, "editor");
    const past = new Date(Date.now() - SESSION_TTL_MS - 1000);
    const { token } = await createSession(prisma, user.id, past);
    expect(await findSessionUser(prisma, token)).toBeNull();
    await createSession(prisma, user.id, past);
    expect(await purgeExpiredSessions(prisma)).toBeGreaterThanOrEqual(1);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("all end at once when an account is deactivated", async () => {
    const admin = await makeUser(prisma, "admin");
    const user = await makeUser(prisma, "editor");
    const a = await createSession(prisma, user.id);
    const b = await createSession(prisma, user.id);
    await setUserActive(prisma, admin.id, user.id, false);
    expect(await findSessionUser(prisma, a.token)).toBeNull();
    expect(await findSessionUser(prisma, b.token)).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("an admin cannot deactivate their own account", async () => {
    const admin = await makeUser(prisma, "admin");
    await expect(setUserActive(prisma, admin.id, admin.id, false)).rejects.toBeInstanceOf(UserError);
  });
});

describe("npm run user:create", () => {
  const run = (args: string[], input: string) =>
    spawnSync(TSX, ["scripts/cli/user-create.ts", ...args], { input, encoding: "utf8", env: { ...process.env, DATABASE_URL: db.url } });

  it("creates the first admin with the password read from stdin", async () => {
    const result = run(["--email", "First.Admin@example.test", "--role", "admin", "--name", "First Admin"], "a strong password here\n");
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "first.admin@example.test" } });
    expect(user).toMatchObject({ role: "admin", displayName: "First Admin", active: true });
    expect(await verifyPassword("a strong password here", user.passwordHash)).toBe(true);
  });

  it("refuses a password on the command line, a short password, and a taken e-mail", () => {
    expect(run(["--email", "x@example.test", "--role", "editor", "--password", "a strong password here"], "").stderr).toMatch(
      /never taken from the command line/,
    );
    const short = run(["--email", "x@example.test", "--role", "editor"], "short\n");
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);
    expect(run(["--email", "first.admin@example.test", "--role", "editor"], "another strong password\n").stderr).toMatch(/already exists/);
  });
});
