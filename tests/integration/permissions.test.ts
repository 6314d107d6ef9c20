import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// Server actions read the session cookie through next/headers; here each call runs as
// the actor whose token `sessionToken` holds, exactly as a direct POST with that cookie would.
let sessionToken: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "tracker_session" && sessionToken ? { name, value: sessionToken } : undefined),
    set: vi.fn(),
    delete: vi.fn(),
  }),
  headers: async () => new Headers({ host: "localhost:3000", "x-forwarded-for": "203.0.113.7" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const { prisma } = await import("../../lib/db/prisma");
const { seedWorkerDatabase } = await import("../helpers/seeded");
const { makeUser } = await import("../helpers/users");
const { createSession } = await import("../../lib/auth/sessions");
const { changeStatus } = await import("../../lib/initiatives/change-status");
const { changeStatusSchema } = await import("../../lib/initiatives/edit-schemas");
const actions = await import("../../app/actions/initiative-actions");
const adminActions = await import("../../app/actions/admin-actions");
const sourceActions = await import("../../app/actions/source-actions");
const intakeActions = await import("../../app/actions/intake-actions");
const suggestionActions = await import("../../app/actions/suggestion-actions");
const accountActions = await import("../../app/actions/account-actions");
const importActions = await import("../../app/actions/import-actions");
const scoreActions = await import("../../app/actions/score-actions");
const { issuePasswordReset } = await import("../../lib/users/password-reset");
const { TEST_PASSWORD } = await import("../helpers/users");
const { addSource } = await import("../../lib/sources/add-source");
const { addSourceSchema } = await import("../../lib/sources/source-schemas");
const { eventVersion } = await import("../../lib/events/correct-event");
const { metricVersion } = await import("../../lib/metrics/correct-metric");

type Actor = "anonymous" | "editor" | "deactivated editor" | "admin";
const tokens: Partial<Record<Actor, string>> = {};
let helperEditorId = 0;
let targetUserId = 0;
let resetTargetId = 0;
let adminId = 0;

async function version(slug: string) {
  return String((await prisma.initiative.findUniqueOrThrow({ where: { slug }, select: { version: true } })).version);
}

function form(fields: Record<string, string | string[] | File>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

let pasted = 0;
let merges = 0;

const link = {
  evidenceType: "link",
  evidenceUrl: "https://example.org/evidence",
  evidenceTitle: "Evidence",
  evidenceDate: "2026-05-01",
};

async function pendingChangeByHelper(): Promise<string> {
  const slug = "single-tourism-space";
  const current = await prisma.initiative.findUniqueOrThrow({ where: { slug } });
  const input = changeStatusSchema.parse({
    slug,
    version: String(current.version),
    status: current.status === "stalled" ? "proposed" : "stalled",
    stage: "",
    effectiveOn: "2026-05-01",
    note: "pending for review",
    ...link,
  });
  const helper = { id: helperEditorId, email: "", displayName: "", role: "editor" as const };
  const result = await changeStatus(prisma, helper, input, { reviewRequired: true });
  return String((result as { pendingId: number }).pendingId);
}

/** Every mutation with a valid form for it, built fresh so an allowed call can succeed. */
type Action = (previous: { status: "idle" }, formData: FormData) => Promise<{ status: string; message?: string }>;
const mutations: { name: string; allowed: Actor[]; action: Action; prepare: () => Promise<FormData> }[] = [
  {
    name: "changeStatusAction",
    allowed: ["editor", "admin"],
    action: actions.changeStatusAction,
    prepare: async () => {
      const slug = "ai-declaration";
      const current = await prisma.initiative.findUniqueOrThrow({ where: { slug } });
      const status = current.status === "proposed" ? "in_preparation" : "proposed";
      return form({ slug, version: String(current.version), status, stage: "", effectiveOn: "2026-05-01", note: "n", ...link });
    },
  },
  {
    name: "editDetailsAction",
    allowed: ["editor", "admin"],
    action: actions.editDetailsAction,
    prepare: async () => {
      const slug = "water-use-framework-convention";
      const current = await prisma.initiative.findUniqueOrThrow({ where: { slug }, include: { themes: true } });
      return form({
        slug,
        version: String(current.version),
        titleRu: current.titleRu,
        titleEn: `${current.titleEn.replace(/ \(\d+\)$/, "")} (${current.version})`,
        summaryRu: current.summaryRu,
        summaryEn: current.summaryEn,
        themes: current.themes.map((t) => t.theme),
        themesPresent: "1",
        note: "n",
      });
    },
  },
  {
    name: "editCountriesAction",
    allowed: ["editor", "admin"],
    action: actions.editCountriesAction,
    prepare: async () => {
      const slug = "risk-prevention-catalogue";
      const present = await prisma.participation.count({ where: { initiative: { slug }, countryCode: "TM" } });
      return form({ slug, version: await version(slug), note: "n", "role.TM": present ? "" : "participant", "stage.TM": "" });
    },
  },
  {
    name: "updateMetricAction",
    allowed: ["editor", "admin"],
    action: actions.updateMetricAction,
    prepare: async () => {
      const slug = "intra-regional-trade-20bn";
      return form({ slug, version: await version(slug), metricSlug: "intra-regional-trade-volume", value: "12", observedOn: "2026-01-01", note: "n", ...link });
    },
  },
  {
    name: "markVerifiedAction",
    allowed: ["editor", "admin"],
    action: actions.markVerifiedAction,
    prepare: async () => {
      const slug = "transport-system-strategy";
      return form({ slug, version: await version(slug) });
    },
  },
  {
    name: "reviewChangeAction",
    allowed: ["editor", "admin"],
    action: actions.reviewChangeAction,
    prepare: async () => form({ pendingId: await pendingChangeByHelper(), decision: "reject", reviewNote: "n" }),
  },
  {
    name: "previewSourceAction",
    allowed: ["editor", "admin"],
    action: sourceActions.previewSourceAction,
    prepare: async () => form({ file: new File(["ТЕСТ: текст для предпросмотра."], "preview.txt") }),
  },
  {
    name: "addSourceAction",
    allowed: ["editor", "admin"],
    action: sourceActions.addSourceAction,
    prepare: async () => form({ origin: "paste", language: "ru", text: `ТЕСТ: новый источник ${++pasted} ${Math.random()}` }),
  },
  {
    name: "correctSourceAction",
    allowed: ["editor", "admin"],
    action: sourceActions.correctSourceAction,
    prepare: async () => {
      const source = await prisma.source.findFirstOrThrow({ orderBy: { id: "asc" } });
      return form({
        sourceId: String(source.id),
        version: String(source.version),
        language: source.language,
        title: source.title ?? "",
        outlet: source.outlet ?? "",
        url: "",
        publishedOn: source.publishedOn ? source.publishedOn.toISOString().slice(0, 10) : "",
        kind: source.kind === "analysis" ? "news_report" : "analysis",
        note: "n",
      });
    },
  },
  {
    name: "acceptPassageAction",
    allowed: ["editor", "admin"],
    action: sourceActions.acceptPassageAction,
    prepare: async () => {
      // A source of its own each time, so an allowed accept always has a new passage to take.
      const text = `ТЕСТ: фрагмент для принятия ${++pasted} ${Math.random()}.`;
      const { id } = await addSource(
        prisma,
        { id: helperEditorId, email: "", displayName: "", role: "editor" },
        addSourceSchema.parse({ origin: "paste", language: "ru", text }),
        { maxBytes: 1e6 },
      );
      const slug = "single-tourism-space";
      return form({ sourceId: String(id), slug, version: await version(slug), start: "0", end: String(text.length), speakerKind: "narrator" });
    },
  },
  {
    name: "rejectPassageAction",
    allowed: ["editor", "admin"],
    action: sourceActions.rejectPassageAction,
    prepare: async () => {
      const source = await prisma.source.findFirstOrThrow({ orderBy: { id: "asc" } });
      return form({ sourceId: String(source.id), start: "0", end: "10", initiativeId: "", reason: "n" });
    },
  },
  {
    name: "createInitiativeAction",
    allowed: ["editor", "admin"],
    action: intakeActions.createInitiativeAction,
    prepare: async () => {
      const text = `ТЕСТ: новая инициатива ${++pasted} ${Math.random()}.`;
      const { id } = await addSource(
        prisma,
        { id: helperEditorId, email: "", displayName: "", role: "editor" },
        addSourceSchema.parse({ origin: "paste", language: "ru", text }),
        { maxBytes: 1e6 },
      );
      const event = await prisma.event.findFirstOrThrow({ orderBy: { id: "asc" } });
      return form({
        sourceId: String(id),
        start: "0",
        end: String(text.length),
        titleRu: "Тест",
        titleEn: "Permission test initiative",
        summaryRu: "Тест",
        summaryEn: "Test",
        kind: "proposal",
        themes: "tourism",
        eventId: String(event.id),
        meetingRelation: "outcome",
        "role.KZ": "proposer",
        note: "n",
      });
    },
  },
  {
    name: "resolveSuggestionAction",
    allowed: ["editor", "admin"],
    action: suggestionActions.resolveSuggestionAction,
    prepare: async () => {
      const suggestion = await prisma.suggestion.create({
        data: { subject: "initiative", subjectKey: "single-tourism-space", text: "Test suggestion text.", locale: "en" },
      });
      return form({ suggestionId: String(suggestion.id), decision: "declined", resolution: "n" });
    },
  },
  {
    name: "createEventAction",
    allowed: ["editor", "admin"],
    action: intakeActions.createEventAction,
    prepare: async () => form({ nameRu: "Тестовое событие", nameEn: "Permission test event", note: "n" }),
  },
  {
    name: "correctEventAction",
    allowed: ["editor", "admin"],
    action: intakeActions.correctEventAction,
    prepare: async () => {
      const event = await prisma.event.findFirstOrThrow({ orderBy: { id: "desc" } });
      return form({
        eventId: String(event.id),
        version: String(await eventVersion(prisma, event.id)),
        nameRu: event.nameRu,
        nameEn: `${event.nameEn} +`,
        placeRu: event.placeRu ?? "",
        placeEn: event.placeEn ?? "",
        dateText: event.dateText ?? "",
        note: "n",
      });
    },
  },
  {
    name: "createMetricAction",
    allowed: ["editor", "admin"],
    action: intakeActions.createMetricAction,
    prepare: async () => {
      const slug = "single-tourism-space";
      const quote = await prisma.quote.findFirstOrThrow({ where: { initiative: { slug } }, orderBy: { id: "asc" } });
      return form({
        slug,
        version: await version(slug),
        nameRu: "Тест",
        nameEn: "Test figure",
        unitRu: "шт.",
        unitEn: "pcs",
        targetValue: "5",
        quoteSourceId: String(quote.sourceId),
        quoteText: quote.text,
        note: "n",
      });
    },
  },
  {
    // Each allowed actor corrects the figure's next version: a target one higher each time.
    name: "correctMetricAction",
    allowed: ["editor", "admin"],
    action: intakeActions.correctMetricAction,
    prepare: async () => {
      const metric = await prisma.metric.findFirstOrThrow({ where: { targetValue: { not: null } }, orderBy: { id: "asc" } });
      const quote = await prisma.quote.findFirstOrThrow({ where: { initiativeId: metric.initiativeId }, orderBy: { id: "asc" } });
      return form({
        metricSlug: metric.slug,
        version: String(await metricVersion(prisma, metric.id)),
        nameRu: metric.nameRu,
        nameEn: metric.nameEn,
        unitRu: metric.unitRu,
        unitEn: metric.unitEn,
        baselineValue: metric.baselineValue === null ? "" : String(metric.baselineValue),
        baselinePeriod: metric.baselinePeriod ?? "",
        targetValue: String(metric.targetValue! + 1),
        targetDate: metric.targetDate ? metric.targetDate.toISOString().slice(0, 10) : "",
        targetDateText: metric.targetDateText ?? "",
        quoteSourceId: String(quote.sourceId),
        quoteText: quote.text,
        note: "n",
      });
    },
  },
  {
    // Each allowed actor scores the next version of the same pair.
    name: "setScoreAction",
    allowed: ["editor", "admin"],
    action: scoreActions.setScoreAction,
    prepare: async () => {
      const initiative = await prisma.initiative.findFirstOrThrow({
        where: { participations: { some: {} }, quotes: { some: {} } },
        orderBy: { id: "asc" },
        select: {
          id: true,
          slug: true,
          participations: { select: { countryCode: true }, take: 1 },
          quotes: { select: { sourceId: true, text: true }, take: 1 },
        },
      });
      const countryCode = initiative.participations[0]!.countryCode;
      const expectedVersion = await prisma.score.count({ where: { initiativeId: initiative.id, countryCode } });
      const quote = initiative.quotes[0]!;
      return form({
        slug: initiative.slug,
        countryCode,
        expectedVersion: String(expectedVersion),
        score: "0",
        asOf: "2026-05-01",
        quoteSourceId: String(quote.sourceId),
        quoteText: quote.text,
        note: "n",
      });
    },
  },
  {
    name: "createUserAction",
    allowed: ["admin"],
    action: adminActions.createUserAction,
    prepare: async () =>
      form({ email: `new-${Math.random().toString(36).slice(2)}@example.test`, displayName: "New", role: "editor", password: "a long enough password" }),
  },
  {
    name: "changeRoleAction",
    allowed: ["admin"],
    action: adminActions.changeRoleAction,
    prepare: async () => {
      const target = await prisma.user.findUniqueOrThrow({ where: { id: targetUserId } });
      return form({ userId: String(target.id), role: target.role === "editor" ? "admin" : "editor" });
    },
  },
  {
    name: "setActiveAction",
    allowed: ["admin"],
    action: adminActions.setActiveAction,
    prepare: async () => {
      const target = await prisma.user.findUniqueOrThrow({ where: { id: targetUserId } });
      return form({ userId: String(target.id), active: String(!target.active) });
    },
  },
  {
    name: "setReviewRequiredAction",
    allowed: ["admin"],
    action: adminActions.setReviewRequiredAction,
    prepare: async () => form({ reviewRequired: "false" }),
  },
  {
    name: "importCsvAction",
    allowed: ["editor", "admin"],
    action: importActions.importCsvAction,
    // A dry run of one row: it writes nothing, so every allowed call succeeds.
    prepare: async () => {
      const slug = "ai-declaration";
      const csv = `slug,version\n${slug},${await version(slug)}\n`;
      return form({ file: new File([csv], "update.csv", { type: "text/csv" }), note: "bulk", mode: "dryRun" });
    },
  },
  {
    name: "mergeInitiativesAction",
    allowed: ["admin"],
    action: adminActions.mergeInitiativesAction,
    // Two initiatives of its own each time (test data), so an allowed merge always has a pair to merge.
    prepare: async () => {
      const event = await prisma.event.findFirstOrThrow({ select: { id: true } });
      const [duplicate, keep] = await Promise.all(
        ["duplicate", "keep"].map((role) =>
          prisma.initiative.create({
            data: {
              slug: `permission-merge-${role}-${++merges}`,
              titleRu: "Тест",
              titleEn: "Test",
              summaryRu: "Тест",
              summaryEn: "Test",
              kind: "proposal",
              status: "proposed",
              eventId: event.id,
              meetingRelation: "outcome",
            },
            select: { slug: true, version: true },
          }),
        ),
      );
      return form({
        duplicateSlug: duplicate!.slug,
        duplicateVersion: String(duplicate!.version),
        keepSlug: keep!.slug,
        keepVersion: String(keep!.version),
        note: "the same",
      });
    },
  },
  {
    // Each allowed actor changes its own password once (from the test password).
    name: "changePasswordAction",
    allowed: ["editor", "admin"],
    action: accountActions.changePasswordAction,
    prepare: async () => form({ currentPassword: TEST_PASSWORD, newPassword: "another long passphrase", confirmPassword: "another long passphrase" }),
  },
  {
    name: "issuePasswordResetAction",
    allowed: ["admin"],
    action: accountActions.issuePasswordResetAction,
    prepare: async () => form({ userId: String(targetUserId) }),
  },
  {
    // The link is the credential: anyone holding one may use it, signed in or not.
    name: "resetPasswordAction",
    allowed: ["anonymous", "editor", "deactivated editor", "admin"],
    action: accountActions.resetPasswordAction,
    prepare: async () => {
      const { token } = await issuePasswordReset(prisma, adminId, resetTargetId);
      return form({ token, newPassword: "a passphrase from the link", confirmPassword: "a passphrase from the link" });
    },
  },
];

async function snapshot() {
  return JSON.stringify({
    initiatives: await prisma.initiative.findMany({ orderBy: { id: "asc" }, include: { themes: true, participations: true } }),
    history: await prisma.historyEntry.count(),
    pending: await prisma.pendingChange.findMany({ orderBy: { id: "asc" } }),
    users: await prisma.user.findMany({ orderBy: { id: "asc" }, select: { id: true, email: true, role: true, active: true, passwordHash: true } }),
    passwordResets: await prisma.passwordReset.findMany({ orderBy: { id: "asc" } }),
    sessions: await prisma.session.count(),
    readings: await prisma.metricReading.count(),
    settings: await prisma.setting.findMany(),
    sources: await prisma.source.findMany({ orderBy: { id: "asc" } }),
    recordHistory: await prisma.recordHistoryEntry.count(),
    quotes: await prisma.quote.count(),
    rejections: await prisma.passageRejection.count(),
    events: await prisma.event.count(),
    metrics: await prisma.metric.findMany({ orderBy: { id: "asc" } }),
    suggestions: await prisma.suggestion.findMany({ where: { state: { not: "open" } }, orderBy: { id: "asc" } }),
    scores: await prisma.score.count(),
  });
}

beforeAll(async () => {
  await seedWorkerDatabase();
  const editor = await makeUser(prisma, "editor");
  const admin = await makeUser(prisma, "admin");
  const deactivated = await makeUser(prisma, "editor");
  helperEditorId = (await makeUser(prisma, "editor")).id;
  targetUserId = (await makeUser(prisma, "editor")).id;
  resetTargetId = (await makeUser(prisma, "editor")).id;
  adminId = admin.id;
  tokens.editor = (await createSession(prisma, editor.id)).token;
  tokens.admin = (await createSession(prisma, admin.id)).token;
  // A session left over from before the account was deactivated must be worthless.
  tokens["deactivated editor"] = (await createSession(prisma, deactivated.id)).token;
  await prisma.user.update({ where: { id: deactivated.id }, data: { active: false } });
});

beforeEach(() => {
  sessionToken = undefined;
});

const actors: Actor[] = ["anonymous", "editor", "deactivated editor", "admin"];

describe.each(mutations)("$name", ({ allowed, action, prepare }) => {
  it.each(actors)("as %s", async (actor) => {
    const formData = await prepare();
    sessionToken = tokens[actor];
    if (allowed.includes(actor)) {
      const result = await action({ status: "idle" }, formData);
      expect(result, JSON.stringify(result)).toMatchObject({ status: "success" });
      return;
    }
    const before = await snapshot();
    const result = await action({ status: "idle" }, formData);
    expect(result).toMatchObject({ status: "error", message: actor === "editor" ? "forbidden" : "signInRequired" });
    expect(await snapshot()).toEqual(before);
  });
});

it("covers every exported server action", () => {
  const exported = [
    ...Object.keys(actions),
    ...Object.keys(adminActions),
    ...Object.keys(sourceActions),
    ...Object.keys(intakeActions),
    ...Object.keys(accountActions),
    ...Object.keys(suggestionActions),
    ...Object.keys(importActions),
    ...Object.keys(scoreActions),
  ]
    // The visitor's suggestion form needs no account (tests/integration/suggestions.test.ts).
    .filter((name) => name !== "submitSuggestionAction")
    .sort();
  expect(mutations.map((m) => m.name).sort()).toEqual(exported);
});
