import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The visitor's form is a public server action: its rate limit counts per client address.
const clientAddress = "203.0.113.20";
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers({ host: "localhost:3000", "x-forwarded-for": clientAddress }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const { prisma } = await import("../../lib/db/prisma");
const { seedWorkerDatabase } = await import("../helpers/seeded");
const { makeUser } = await import("../helpers/users");
const { submitSuggestionAction } = await import("../../app/actions/suggestion-actions");
const { resolveSuggestion, listOpenSuggestions } = await import("../../lib/suggestions/resolve-suggestion");
const { resolveSuggestionSchema, submitSuggestionSchema } = await import("../../lib/suggestions/suggestion-schemas");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const valid = { subject: "initiative", subjectKey: "water-use-framework-convention", text: "Test data: the draft was published in March.", url: "https://example.org/test", email: "Reader@Example.test", locale: "en" };

beforeAll(async () => {
  await seedWorkerDatabase();
});
// Each test starts with the client's counter at zero.
beforeEach(() => prisma.rateLimit.deleteMany());

describe("suggestions from the public", () => {
  it("queues a visitor's suggestion with its link and e-mail, which the editors' queue does not show", async () => {
    expect(await submitSuggestionAction({ status: "idle" }, form(valid))).toMatchObject({ status: "success", message: "suggestionReceived" });
    const stored = await prisma.suggestion.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(stored).toMatchObject({ subject: "initiative", subjectKey: "water-use-framework-convention", url: "https://example.org/test", email: "reader@example.test", state: "open" });
    const queue = await listOpenSuggestions(prisma);
    const item = queue.find((s) => s.id === stored.id)!;
    expect(item).toMatchObject({ hasEmail: true, subjectTitle: { en: "Central Asian Framework Convention on Water Use" } });
    expect(JSON.stringify(item)).not.toContain("reader@example.test");
  });

  it("answers a filled honeypot as sent and stores nothing; refuses unknown subjects, short or long texts and bad links and addresses", async () => {
    const before = await prisma.suggestion.count();
    expect(await submitSuggestionAction({ status: "idle" }, form({ ...valid, website: "http://spam.example" }))).toMatchObject({ status: "success" });
    expect(await submitSuggestionAction({ status: "idle" }, form({ ...valid, subjectKey: "no-such-initiative" }))).toMatchObject({ status: "error", message: "notFound" });
    expect(await submitSuggestionAction({ status: "idle" }, form({ ...valid, subject: "source", subjectKey: "999999" }))).toMatchObject({ status: "error", message: "notFound" });
    expect(await prisma.suggestion.count()).toBe(before);
    const issues = (input: Record<string, string>) => Object.fromEntries(submitSuggestionSchema.safeParse(input).error!.issues.map((i) => [i.path[0], i.message]));
    expect(issues({ ...valid, text: "short" })).toMatchObject({ text: "suggestionTooShort" });
    expect(issues({ ...valid, text: "й".repeat(4001) })).toMatchObject({ text: "tooLong" });
    expect(issues({ ...valid, url: "javascript:alert(1)" })).toMatchObject({ url: "invalidUrl" });
    expect(issues({ ...valid, email: "not an address" })).toMatchObject({ email: "invalidEmail" });
  });

  it("limits each client address to 5 an hour", async () => {
    for (let i = 0; i < 5; i++) expect(await submitSuggestionAction({ status: "idle" }, form(valid))).toMatchObject({ status: "success" });
    const before = await prisma.suggestion.count();
    expect(await submitSuggestionAction({ status: "idle" }, form(valid))).toMatchObject({ status: "error", message: "tooManyRequests" });
    expect(await prisma.suggestion.count()).toBe(before);
  });

  it("records an editor's acceptance or refusal with who, when and why, once", async () => {
    const editor = await makeUser(prisma, "editor", { name: "Queue Editor" });
    const [first, second] = await listOpenSuggestions(prisma);
    await resolveSuggestion(prisma, editor, resolveSuggestionSchema.parse({ suggestionId: String(first!.id), decision: "accepted", resolution: "Status changed with the link as evidence." }));
    await resolveSuggestion(prisma, editor, resolveSuggestionSchema.parse({ suggestionId: String(second!.id), decision: "declined", resolution: "The link does not say this." }));
    expect(await prisma.suggestion.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ state: "accepted", resolvedById: editor.id, resolution: "Status changed with the link as evidence.", outcomeSentAt: null });
    expect(await prisma.suggestion.findUniqueOrThrow({ where: { id: second!.id } })).toMatchObject({ state: "declined", resolution: "The link does not say this." });
    expect((await listOpenSuggestions(prisma)).some((s) => s.id === first!.id || s.id === second!.id)).toBe(false);
    await expect(resolveSuggestion(prisma, editor, resolveSuggestionSchema.parse({ suggestionId: String(first!.id), decision: "declined", resolution: "again" }))).rejects.toMatchObject({ code: "suggestionClosed" });
    expect(resolveSuggestionSchema.safeParse({ suggestionId: "1", decision: "accepted", resolution: " " }).success).toBe(false);
  });
});
