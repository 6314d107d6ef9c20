import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

// A real SMTP server receives the outcome mails; the environment is set before anything reads it.
const sink: SmtpSink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
process.env.PUBLIC_URL = "http://tracker.test";

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
const { sendSuggestionOutcomes } = await import("../../lib/suggestions/send-outcomes");
const { changeStatus } = await import("../../lib/initiatives/change-status");
const { changeStatusSchema } = await import("../../lib/initiatives/edit-schemas");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const valid = {
  subject: "initiative",
  subjectKey: "water-use-framework-convention",
  text: "Test data: the draft was published in March.",
  url: "https://example.org/test",
  email: "Reader@Example.test",
  locale: "en",
};

beforeAll(async () => {
  await seedWorkerDatabase();
});
afterAll(() => sink.close());
// Each test starts with the client's counter at zero.
beforeEach(() => prisma.rateLimit.deleteMany());

describe("suggestions from the public", () => {
  it("queues a visitor's suggestion with its link and e-mail, which the editors' queue does not show", async () => {
    expect(await submitSuggestionAction({ status: "idle" }, form(valid))).toMatchObject({ status: "success", message: "suggestionReceived" });
    const stored = await prisma.suggestion.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(stored).toMatchObject({
      subject: "initiative",
      subjectKey: "water-use-framework-convention",
      url: "https://example.org/test",
      email: "reader@example.test",
      state: "open",
    });
    const queue = await listOpenSuggestions(prisma);
    const item = queue.find((s) => s.id === stored.id)!;
    expect(item).toMatchObject({ hasEmail: true, subjectTitle: { en: "Central Asian Framework Convention on Water Use" } });
    expect(JSON.stringify(item)).not.toContain("reader@example.test");
  });

  it("answers a filled honeypot as sent and stores nothing; refuses unknown subjects, short or long texts and bad links and addresses", async () => {
    const before = await prisma.suggestion.count();
    expect(await submitSuggestionAction({ status: "idle" }, form({ ...valid, website: "http://spam.example" }))).toMatchObject({ status: "success" });
    expect(await submitSuggestionAction({ status: "idle" }, form({ ...valid, subjectKey: "no-such-initiative" }))).toMatchObject({
      status: "error",
      message: "notFound",
    });
    expect(await submitSuggestionAction({ status: "idle" }, form({ ...valid, subject: "source", subjectKey: "999999" }))).toMatchObject({
      status: "error",
      message: "notFound",
    });
    expect(await prisma.suggestion.count()).toBe(before);
    const issues = (input: Record<string, string>) =>
      Object.fromEntries(submitSuggestionSchema.safeParse(input).error!.issues.map((i) => [i.path[0], i.message]));
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

  it("accepts a suggestion only once the editor has made the change, linking to it; dismisses with the reason; who and when kept, once", async () => {
    const editor = await makeUser(prisma, "editor", { name: "Queue Editor" });
    const [first, second] = await listOpenSuggestions(prisma);
    expect(first!.subjectKey).toBe("water-use-framework-convention");
    const accept = resolveSuggestionSchema.parse({
      suggestionId: String(first!.id),
      decision: "accepted",
      resolution: "Status changed with the link as evidence.",
    });
    // No change of this editor's since it was sent: refused, nothing stored.
    await expect(resolveSuggestion(prisma, editor, accept)).rejects.toMatchObject({ code: "suggestionNoChange", field: "resolution" });
    expect(await prisma.suggestion.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ state: "open", resolvedById: null, resultPath: null });
    const current = await prisma.initiative.findUniqueOrThrow({ where: { slug: first!.subjectKey }, select: { version: true, status: true } });
    await changeStatus(
      prisma,
      editor,
      changeStatusSchema.parse({
        slug: first!.subjectKey,
        version: current.version,
        status: current.status === "in_preparation" ? "agreed" : "in_preparation",
        stage: "",
        effectiveOn: "2025-12-01",
        note: "Test data: the draft was published in March.",
        overrideNote: "Test of suggestions",
        evidenceType: "link",
        evidenceUrl: "https://example.org/test",
        evidenceTitle: "Test report",
        evidenceDate: "2025-12-01",
      }),
      { reviewRequired: false },
    );
    const entry = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug: first!.subjectKey } }, orderBy: { id: "desc" } });
    expect(await resolveSuggestion(prisma, editor, accept)).toMatchObject({
      resultPath: `/initiatives/${first!.subjectKey}#entry-${entry.id}`,
      mailOutcome: true,
    });
    await resolveSuggestion(
      prisma,
      editor,
      resolveSuggestionSchema.parse({ suggestionId: String(second!.id), decision: "declined", resolution: "The link does not say this." }),
    );
    expect(await prisma.suggestion.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({
      state: "accepted",
      resolvedById: editor.id,
      resolution: "Status changed with the link as evidence.",
      resultPath: `/initiatives/${first!.subjectKey}#entry-${entry.id}`,
      outcomeSentAt: null,
    });
    expect(await prisma.suggestion.findUniqueOrThrow({ where: { id: second!.id } })).toMatchObject({
      state: "declined",
      resolution: "The link does not say this.",
      resultPath: null,
    });
    expect((await listOpenSuggestions(prisma)).some((s) => s.id === first!.id || s.id === second!.id)).toBe(false);
    await expect(
      resolveSuggestion(prisma, editor, resolveSuggestionSchema.parse({ suggestionId: String(first!.id), decision: "declined", resolution: "again" })),
    ).rejects.toMatchObject({ code: "suggestionClosed" });
    expect(resolveSuggestionSchema.safeParse({ suggestionId: "1", decision: "accepted", resolution: " " }).success).toBe(false);
  });

  it("tells each sender who left an e-mail the outcome by mail, once, in their language, then forgets the address; retries a failed send", async () => {
    const answered = await prisma.suggestion.findMany({ where: { state: { not: "open" }, email: { not: null } }, orderBy: { id: "asc" } });
    expect(answered.length).toBeGreaterThanOrEqual(2);
    // The mail server refuses: nothing is marked sent, the address is kept for the retry.
    sink.refuse(true);
    expect(await sendSuggestionOutcomes(prisma)).toEqual({ sent: 0, failed: answered.length });
    expect(await prisma.suggestion.count({ where: { id: { in: answered.map((s) => s.id) }, outcomeSentAt: null, email: { not: null } } })).toBe(
      answered.length,
    );
    sink.refuse(false);
    // Two runs at once still mail each sender once.
    const runs = await Promise.all([sendSuggestionOutcomes(prisma), sendSuggestionOutcomes(prisma)]);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(answered.length);
    expect(sink.messages.filter((m) => m.to === "reader@example.test")).toHaveLength(answered.length);
    const accepted = answered.find((s) => s.state === "accepted")!;
    const mail = sink.messages.find((m) => m.to === "reader@example.test" && m.subject.includes("led to a change"))!;
    expect(mail.subject).toBe("Your suggestion about “Central Asian Framework Convention on Water Use” led to a change");
    expect(mail.text).toContain("«Test data: the draft was published in March.»");
    expect(mail.text).toContain("Status changed with the link as evidence.");
    expect(mail.text).toContain(`http://tracker.test/en${accepted.resultPath}`);
    expect(mail.html).toContain(`href="http://tracker.test/en${accepted.resultPath}"`);
    const declined = sink.messages.find((m) => m.to === "reader@example.test" && m.subject.includes("not taken up"))!;
    expect(declined.text).toContain("The link does not say this.");
    expect(declined.text).toContain("http://tracker.test/en/initiatives/water-use-framework-convention");
    // Sent: marked, and the address is gone; nothing more is sent.
    expect(await prisma.suggestion.count({ where: { id: { in: answered.map((s) => s.id) }, outcomeSentAt: { not: null }, email: null } })).toBe(
      answered.length,
    );
    expect(await sendSuggestionOutcomes(prisma)).toEqual({ sent: 0, failed: 0 });
    // Open suggestions are not mailed.
    expect(await prisma.suggestion.count({ where: { state: "open", outcomeSentAt: { not: null } } })).toBe(0);
  });

  it("mails a Russian sender in Russian, with the Russian page's address", async () => {
    const editor = await makeUser(prisma, "editor", { name: "Queue Editor RU" });
    expect(await submitSuggestionAction({ status: "idle" }, form({ ...valid, locale: "ru", email: "chitatel@example.test" }))).toMatchObject({
      status: "success",
    });
    const stored = await prisma.suggestion.findFirstOrThrow({ where: { email: "chitatel@example.test" } });
    await resolveSuggestion(
      prisma,
      editor,
      resolveSuggestionSchema.parse({ suggestionId: String(stored.id), decision: "declined", resolution: "Тестовая причина." }),
    );
    await sendSuggestionOutcomes(prisma);
    const mail = await sink.waitFor("chitatel@example.test");
    expect(mail.subject).toMatch(/^Ваше предложение о «.+»: не принято$/);
    expect(mail.text).toContain("Тестовая причина.");
    expect(mail.text).toContain("http://tracker.test/initiatives/water-use-framework-convention");
    expect(mail.text).not.toContain("/en/");
  });
});
