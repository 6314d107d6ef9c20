import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { linkIn, startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

// A real SMTP server receives what the tracker sends; the environment is set before anything reads it.
const sink: SmtpSink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
process.env.PUBLIC_URL = "http://tracker.test";
process.env.ALERTS_FROM = "Tracker Test <alerts@tracker.test>";

let clientAddress = "198.51.100.1";
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers({ host: "localhost:3000", "x-forwarded-for": clientAddress, "x-request-id": "test-request-alerts" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const { prisma } = await import("../../lib/db/prisma");
const { seedWorkerDatabase } = await import("../helpers/seeded");
const { makeUser } = await import("../helpers/users");
const actions = await import("../../app/actions/alert-actions");
const { deliverAlerts } = await import("../../lib/alerts/deliver-alerts");
const { changeStatus } = await import("../../lib/initiatives/change-status");
const { changeStatusSchema } = await import("../../lib/initiatives/edit-schemas");
const { POST: oneClick } = await import("../../app/api/alerts/unsubscribe/route");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

let editor: Awaited<ReturnType<typeof makeUser>>;
let title = "";
let counter = 0;
const address = (label: string) => `${label}-${++counter}@reader.test`;

async function subscribe(email: string, fields: Partial<Record<"target" | "targetKey" | "frequency" | "locale", string>> = {}) {
  return actions.subscribeAlertAction(
    { status: "idle" },
    form({ email, target: "initiative", targetKey: "ai-declaration", frequency: "immediate", locale: "en", ...fields }),
  );
}

/** Subscribes and confirms through the link in the mail, as a reader would; returns the token. */
async function follow(email: string, fields: Parameters<typeof subscribe>[1] = {}): Promise<string> {
  expect(await subscribe(email, fields)).toMatchObject({ status: "success", message: "confirmationSent" });
  const mail = await sink.waitFor(email);
  const token = linkIn(mail.text, /\/alerts\//).split("/alerts/")[1]!;
  expect(await actions.confirmAlertAction({ status: "idle" }, form({ token }))).toMatchObject({ status: "success", message: "confirmed" });
  return token;
}

async function moveStatus(slug: string, note: string) {
  const current = await prisma.initiative.findUniqueOrThrow({ where: { slug } });
  const status = current.status === "proposed" ? "in_preparation" : "proposed";
  const input = changeStatusSchema.parse({
    slug,
    version: String(current.version),
    status,
    stage: current.stage ?? "",
    effectiveOn: "2026-05-01",
    note,
    overrideNote: "test",
    evidenceType: "link",
    evidenceUrl: "https://example.org/evidence",
    evidenceTitle: "Evidence",
    evidenceDate: "2026-05-01",
  });
  await changeStatus(prisma, editor, input, { reviewRequired: false });
  return { from: current.status, to: status };
}

const mailsTo = (email: string) => sink.messages.filter((mail) => mail.to === email);

beforeAll(async () => {
  await seedWorkerDatabase();
  editor = await makeUser(prisma, "editor");
  title = (await prisma.initiative.findUniqueOrThrow({ where: { slug: "ai-declaration" } })).titleEn;
});

afterAll(async () => {
  await sink.close();
});

describe("e-mail alerts against a real SMTP server", () => {
  it("asks the address to confirm first, with a working link and no token in the page's answer", async () => {
    const email = address("confirm");
    const answer = await subscribe(email);
    expect(answer).toEqual({ status: "success", message: "confirmationSent", messageValues: { email } });
    const mail = await sink.waitFor(email);
    expect(mail.subject).toBe(`Confirm your alert: ${title}`);
    expect(mail.text).toContain("a message at every change");
    const link = linkIn(mail.text, /\/alerts\//);
    expect(link).toMatch(/^http:\/\/tracker\.test\/en\/alerts\/[A-Za-z0-9_-]{43}$/);
    expect(mail.html).toContain(`href="${link}"`);
    const row = await prisma.alertSubscription.findFirstOrThrow({ where: { email } });
    expect(row.confirmedAt).toBeNull();
    expect(link.endsWith(row.token)).toBe(true);
    expect(JSON.stringify(answer)).not.toContain(row.token);
  });

  it("sends nothing about changes until the address confirmed", async () => {
    const email = address("unconfirmed");
    await subscribe(email);
    await sink.waitFor(email);
    await moveStatus("ai-declaration", "Change before confirmation");
    await deliverAlerts(prisma, { frequencies: ["immediate", "daily"] });
    expect(mailsTo(email)).toHaveLength(1);
  });

  it("mails each change once, with what changed, a link to the entry and one-click unsubscribe", async () => {
    const email = address("digest");
    const token = await follow(email);
    const { from, to } = await moveStatus("ai-declaration", "Working group formed");
    expect(await deliverAlerts(prisma, { frequencies: ["immediate"] })).toEqual({ sent: 1, failed: 0 });
    const digest = await sink.waitFor(email, (mail) => mail.subject.includes("change"));
    const names: Record<string, string> = { proposed: "Proposed", in_preparation: "In preparation" };
    expect(digest.subject).toBe(`${title}: 1 change`);
    expect(digest.text).toContain(`Status: ${names[from]} → ${names[to]}`);
    expect(digest.text).toContain("Note: Working group formed");
    const entry = await prisma.historyEntry.findFirstOrThrow({ where: { note: "Working group formed" } });
    expect(digest.text).toContain(`http://tracker.test/en/initiatives/ai-declaration#entry-${entry.id}`);
    expect(linkIn(digest.text, /unsubscribe$/)).toBe(`http://tracker.test/en/alerts/${token}/unsubscribe`);
    expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(digest.headers["list-unsubscribe"]).toBe(`<http://tracker.test/api/alerts/unsubscribe?token=${token}>`);
    // Nothing new: nothing sent again.
    expect(await deliverAlerts(prisma, { frequencies: ["immediate", "daily"] })).toEqual({ sent: 0, failed: 0 });
  });

  it("unsubscribes with the mail program's one-click POST, after which nothing more arrives", async () => {
    const email = address("oneclick");
    const token = await follow(email);
    const response = await oneClick(
      new Request(`http://tracker.test/api/alerts/unsubscribe?token=${token}`, { method: "POST", body: "List-Unsubscribe=One-Click" }),
    );
    expect(response.status).toBe(200);
    expect(await prisma.alertSubscription.count({ where: { email } })).toBe(0);
    await moveStatus("ai-declaration", "After unsubscribing");
    await deliverAlerts(prisma, { frequencies: ["immediate", "daily"] });
    expect(mailsTo(email).map((mail) => mail.subject)).toEqual([`Confirm your alert: ${title}`]);
    const bad = await oneClick(new Request("http://tracker.test/api/alerts/unsubscribe?token=nope", { method: "POST" }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "Invalid parameter: token", details: [{ parameter: "token" }] });
  });

  it("follows a country's and a theme's initiatives, in Russian", async () => {
    const country = address("country");
    const theme = address("theme");
    const unrelated = address("unrelated");
    await follow(country, { target: "country", targetKey: "kz", locale: "ru" });
    await follow(theme, { target: "theme", targetKey: "digital_ai", locale: "ru" });
    await follow(unrelated, { target: "theme", targetKey: "tourism", locale: "ru" });
    await moveStatus("ai-declaration", "Изменение для страны и темы");
    await deliverAlerts(prisma, { frequencies: ["immediate"] });
    const countryMail = await sink.waitFor(country, (mail) => mail.subject.includes("изменение"));
    expect(countryMail.subject).toBe("Казахстан: 1 изменение");
    expect(countryMail.text).toContain("Примечание: Изменение для страны и темы");
    expect(countryMail.text).toContain("http://tracker.test/initiatives/ai-declaration#entry-");
    expect((await sink.waitFor(theme, (mail) => mail.subject.includes("изменение"))).subject).toMatch(/^Цифровизация/);
    expect(mailsTo(unrelated)).toHaveLength(1);
  });

  it("sends daily digests at most once a day, gathering the changes", async () => {
    const email = address("daily");
    const token = await follow(email, { frequency: "daily" });
    await moveStatus("ai-declaration", "Daily one");
    await moveStatus("ai-declaration", "Daily two");
    // Immediate delivery (after an editor's save) leaves daily alerts alone.
    await deliverAlerts(prisma, { frequencies: ["immediate"] });
    expect(mailsTo(email)).toHaveLength(1);
    // Confirmed just now: the first digest waits a day.
    await deliverAlerts(prisma, { frequencies: ["daily"] });
    expect(mailsTo(email)).toHaveLength(1);
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    expect(await deliverAlerts(prisma, { frequencies: ["daily"], now: tomorrow })).toMatchObject({ sent: 1 });
    const digest = await sink.waitFor(email, (mail) => mail.subject.endsWith("2 changes"));
    expect(digest.text.indexOf("Daily one")).toBeLessThan(digest.text.indexOf("Daily two"));
    expect(await deliverAlerts(prisma, { frequencies: ["daily"], now: new Date(tomorrow.getTime() + 60_000) })).toEqual({ sent: 0, failed: 0 });
    // Switching to immediate is allowed once confirmed.
    expect(await actions.changeAlertFrequencyAction({ status: "idle" }, form({ token, frequency: "immediate" }))).toMatchObject({ status: "success" });
    expect((await prisma.alertSubscription.findUniqueOrThrow({ where: { token } })).frequency).toBe("immediate");
  });

  it("keeps changes a refused send did not deliver, and sends them on the next run", async () => {
    const email = address("retry");
    await follow(email);
    await moveStatus("ai-declaration", "Sent on retry");
    sink.refuse(true);
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const refused = await deliverAlerts(prisma, { frequencies: ["immediate"] }).finally(() => sink.refuse(false));
    spy.mockRestore();
    expect(refused.sent).toBe(0);
    expect(refused.failed).toBeGreaterThan(0);
    expect(mailsTo(email)).toHaveLength(1);
    expect(await deliverAlerts(prisma, { frequencies: ["immediate"] })).toEqual({ sent: refused.failed, failed: 0 });
    expect((await sink.waitFor(email, (mail) => mail.text.includes("Sent on retry"))).subject).toContain("1 change");
  });

  it("answers a second request for a confirmed alert with its management link, the same on the page", async () => {
    const email = address("again");
    const token = await follow(email);
    expect(await subscribe(email)).toMatchObject({ status: "success", message: "confirmationSent" });
    const mail = await sink.waitFor(email, (m) => m.subject.startsWith("Your alert"));
    expect(linkIn(mail.text, /\/alerts\/[^/]+$/)).toBe(`http://tracker.test/en/alerts/${token}`);
    expect(await prisma.alertSubscription.count({ where: { email } })).toBe(1);
  });

  it("refuses bad input with field errors, unknown targets and tokens with a message, and writes nothing", async () => {
    const before = await prisma.alertSubscription.count();
    expect(await subscribe("not an address")).toMatchObject({ status: "error", message: "fixFields", fieldErrors: { email: ["invalidEmail"] } });
    expect(await subscribe(address("x"), { targetKey: "no-such-initiative" })).toMatchObject({ status: "error", message: "alertTargetNotFound" });
    expect(await subscribe(address("x"), { target: "theme", targetKey: "bogus" })).toMatchObject({ status: "error", message: "alertTargetNotFound" });
    expect(await actions.confirmAlertAction({ status: "idle" }, form({ token: "A".repeat(43) }))).toMatchObject({ status: "error", message: "alertNotFound" });
    expect(await actions.changeAlertFrequencyAction({ status: "idle" }, form({ token: "short", frequency: "daily" }))).toMatchObject({
      status: "error",
      message: "fixFields",
    });
    expect(await prisma.alertSubscription.count()).toBe(before);
  });

  it("limits confirmation mails per address and per client", async () => {
    clientAddress = "198.51.100.99";
    const email = address("flood");
    for (let i = 0; i < 5; i++) expect(await subscribe(email)).toMatchObject({ status: "success" });
    expect(await subscribe(email)).toMatchObject({ status: "error", message: "tooManyRequests" });
    for (let i = 0; i < 14; i++) await subscribe(address("other"));
    expect(await subscribe(address("other"))).toMatchObject({ status: "error", message: "tooManyRequests" });
    clientAddress = "198.51.100.1";
  });
});
