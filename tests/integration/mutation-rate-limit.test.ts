import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../helpers/action-request")).nextHeaders("test-request-0001"));
vi.mock("next/cache", async () => (await import("../helpers/action-request")).nextCache());
// Set before anything reads the environment (getEnv caches it).
process.env.MUTATION_RATE_LIMIT_PER_MINUTE = "3";

const { prisma } = await import("../../lib/db/prisma");
const { seedWorkerDatabase } = await import("../helpers/seeded");
const { signInEditor, verify } = await import("../helpers/verify-action");

beforeAll(async () => {
  await seedWorkerDatabase();
  await signInEditor();
});

describe("mutations are rate-limited per account, in the database", () => {
  it("refuses changes past the limit with a clear message and writes nothing", async () => {
    for (let i = 0; i < 3; i++) expect(await verify("ai-declaration")).toMatchObject({ status: "success" });
    const history = await prisma.historyEntry.count();
    const refused = await verify("ai-declaration");
    expect(refused).toMatchObject({ status: "error", message: "tooManyChanges" });
    expect((refused.messageValues as { seconds: number }).seconds).toBeGreaterThan(0);
    expect(await prisma.historyEntry.count()).toBe(history);
    const stored = await prisma.rateLimit.findMany({ where: { key: { startsWith: "mutation:user:" } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.count).toBe(4);
  });

  it("answers an unexpected failure with a reference and no details", async () => {
    await prisma.rateLimit.deleteMany();
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // A database error the action does not expect: the metric table is gone.
    await prisma.$executeRawUnsafe(`DROP TABLE "MetricReading"`);
    const form = new FormData();
    for (const [key, value] of Object.entries({
      slug: "intra-regional-trade-20bn",
      version: String((await prisma.initiative.findUniqueOrThrow({ where: { slug: "intra-regional-trade-20bn" } })).version),
      metricSlug: "intra-regional-trade-volume",
      value: "12",
      observedOn: "2026-01-01",
      note: "n",
      evidenceType: "link",
      evidenceUrl: "https://example.org/a",
      evidenceTitle: "A",
      evidenceDate: "2026-01-01",
    }))
      form.append(key, value);
    const { updateMetricAction } = await import("../../app/actions/initiative-actions");
    const result = await updateMetricAction({ status: "idle" }, form);
    expect(result).toMatchObject({ status: "error", message: "unexpected", messageValues: { requestId: "test-request-0001" } });
    expect(JSON.stringify(result)).not.toMatch(/MetricReading|stack|at \//);
    const logged = spy.mock.calls.map((call) => JSON.parse(String(call[0])));
    expect(logged).toContainEqual(expect.objectContaining({ level: "error", event: "mutation_failed", requestId: "test-request-0001" }));
    spy.mockRestore();
  });
});
