import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import type { SessionUser } from "../../lib/auth/sessions";
import { correctEvent, eventVersion } from "../../lib/events/correct-event";
import { createEvent } from "../../lib/events/create-event";
import { getEvent } from "../../lib/events/get-event";
import { createInitiative } from "../../lib/initiatives/create-initiative";
import { ConflictError, EditError } from "../../lib/initiatives/edit-errors";
import { correctEventSchema, correctMetricSchema, createEventSchema, createInitiativeSchema, createMetricSchema } from "../../lib/intake/create-schemas";
import { correctMetric, metricVersion } from "../../lib/metrics/correct-metric";
import { acceptPassageSchema, rejectPassageSchema } from "../../lib/matcher/passage-schemas";
import { acceptPassage, rejectPassage } from "../../lib/matcher/review-passages";
import { createMetric } from "../../lib/metrics/create-metric";
import { getMetricHistory } from "../../lib/metrics/get-metric-history";
import { updateMetricSchema } from "../../lib/initiatives/edit-schemas";
import { updateMetric } from "../../lib/initiatives/update-metric";
import { listRecordHistory } from "../../lib/records/record-history";
import { searchAll } from "../../lib/search/search-all";
import { addSource, correctSource } from "../../lib/sources/add-source";
import { addSourceSchema, correctSourceSchema } from "../../lib/sources/source-schemas";
import { freshDatabase } from "../helpers/test-database";
import { makeUser } from "../helpers/users";

// A test article (invented, marked as test data), never seeded.
const ARTICLE = readFileSync(path.join(import.meta.dirname, "../fixtures/matcher/water-and-rare-earths-ru.txt"), "utf8");
const GLACIERS = "Участники также подписали меморандум о создании регионального совета по мониторингу ледников.";
const WATER = "Эксперты обсудили проект конвенции о водопользовании и сроки согласования её текста.";

const db = await freshDatabase("intake-records");
const prisma = db.prisma;
let editor: SessionUser;
let sourceId: number;
let tashkentId: number;

const span = (sentence: string) => ({ start: String(ARTICLE.indexOf(sentence)), end: String(ARTICLE.indexOf(sentence) + sentence.length) });
const version = async (slug: string) => (await prisma.initiative.findUniqueOrThrow({ where: { slug } })).version;

beforeAll(async () => {
  await seedDatabase(prisma, catalog);
  editor = await makeUser(prisma, "editor", { name: "Intake Editor" });
  sourceId = (await addSource(prisma, editor, addSourceSchema.parse({ origin: "paste", language: "ru", text: ARTICLE }), { maxBytes: 1e7 })).id;
  tashkentId = (await prisma.event.findUniqueOrThrow({ where: { slug: "tashkent-2025" } })).id;
});
afterAll(() => prisma.$disconnect());

const glacierForm = () => ({
  sourceId: String(sourceId),
  ...span(GLACIERS),
  speakerKind: "narrator",
  titleRu: "Региональный совет по мониторингу ледников",
  titleEn: "Regional glacier monitoring council",
  summaryRu: "Меморандум о создании регионального совета по мониторингу ледников (тестовые данные).",
  summaryEn: "A memorandum on a regional glacier monitoring council (test data).",
  kind: "signed_document",
  status: "agreed",
  stage: "signed",
  themes: ["water_environment", "research_expertise"],
  eventId: String(tashkentId),
  meetingRelation: "welcomed",
  countries: [
    { code: "KG", role: "participant", stage: "signed" },
    { code: "KZ", role: "", stage: "" },
  ],
  targetDate: "",
  note: "Из тестовой статьи",
});

describe("a new initiative from a passage", () => {
  it("is created with every field, the passage as its quote at exact offsets, an attributed first version, and the tags it changed", async () => {
    const { slug, tags } = await createInitiative(prisma, editor, createInitiativeSchema.parse(glacierForm()));
    expect(slug).toBe("regional-glacier-monitoring-council");
    const initiative = await prisma.initiative.findUniqueOrThrow({
      where: { slug },
      include: { themes: true, participations: true, quotes: true, history: true },
    });
    expect(initiative).toMatchObject({
      titleRu: "Региональный совет по мониторингу ледников",
      kind: "signed_document",
      status: "agreed",
      stage: "signed",
      eventId: tashkentId,
      meetingRelation: "welcomed",
      version: 1,
    });
    expect(initiative.themes.map((t) => t.theme).sort()).toEqual(["research_expertise", "water_environment"]);
    const [quote] = initiative.quotes;
    expect(initiative.quotes).toHaveLength(1);
    expect(quote).toMatchObject({ sourceId, start: ARTICLE.indexOf(GLACIERS), text: GLACIERS, eventId: tashkentId, speakerKind: "narrator" });
    // Only countries given a role take part, each with the passage as its evidence.
    expect(initiative.participations).toEqual([expect.objectContaining({ countryCode: "KG", role: "participant", stage: "signed", quoteId: quote!.id })]);
    expect(initiative.history).toEqual([
      expect.objectContaining({
        version: 1,
        kind: "status_change",
        fromStatus: null,
        toStatus: "agreed",
        toStage: "signed",
        quoteId: quote!.id,
        authorId: editor.id,
        note: "Из тестовой статьи",
      }),
    ]);
    expect(tags).toEqual(
      expect.arrayContaining([
        `initiative:${slug}`,
        "list:initiatives",
        "list:history",
        "country:KG",
        "theme:water_environment",
        "theme:research_expertise",
        `source:${sourceId}`,
        "list:sources",
      ]),
    );
    expect(tags).not.toContain("tracker-data");
    // Searchable at once.
    expect((await searchAll(prisma, "glacier monitoring", 1, 10)).hits.some((hit) => hit.kind === "initiative" && hit.initiative?.slug === slug)).toBe(true);
  });

  it("takes a unique slug for the same English title, and refuses a span already quoted, an unknown event or country without writing anything", async () => {
    const count = await prisma.initiative.count();
    await expect(createInitiative(prisma, editor, createInitiativeSchema.parse(glacierForm()))).rejects.toMatchObject({ code: "quotedForAnother" });
    await expect(
      createInitiative(prisma, editor, createInitiativeSchema.parse({ ...glacierForm(), ...span(WATER.slice(0, 40)), eventId: "999999" })),
    ).rejects.toMatchObject({ code: "notFound", field: "eventId" });
    await expect(
      createInitiative(
        prisma,
        editor,
        createInitiativeSchema.parse({ ...glacierForm(), ...span(WATER.slice(0, 40)), countries: [{ code: "ZZ", role: "participant", stage: "" }] }),
      ),
    ).rejects.toMatchObject({ field: "countries" });
    expect(await prisma.initiative.count()).toBe(count);
    expect(await prisma.quote.count({ where: { sourceId, start: ARTICLE.indexOf(WATER) } })).toBe(0);
    const second = await createInitiative(prisma, editor, createInitiativeSchema.parse({ ...glacierForm(), ...span(WATER.slice(0, 40)) }));
    expect(second.slug).toBe("regional-glacier-monitoring-council-2");
  });

  it("validates with the form's schema: titles, a theme, the event and who speaks are required", () => {
    const issues = createInitiativeSchema.safeParse({ ...glacierForm(), titleEn: " ", themes: [], eventId: "", speakerKind: "official" }).error!.issues;
    expect(Object.fromEntries(issues.map((issue) => [issue.path[0], issue.message]))).toMatchObject({
      titleEn: "required",
      themes: "chooseTheme",
      speakerPersonId: "speakerRequired",
    });
    expect(issues.some((issue) => issue.path[0] === "eventId")).toBe(true);
  });
});

describe("events and re-announcements", () => {
  it("creates an event with its own public history, and records an initiative announced again there, never duplicated", async () => {
    const event = await createEvent(
      prisma,
      editor,
      createEventSchema.parse({
        nameRu: "Тестовая встреча министров",
        nameEn: "Test ministers' meeting",
        placeRu: "Бишкек",
        placeEn: "Bishkek",
        dateText: "",
        note: "Тестовые данные",
      }),
    );
    expect(event.slug).toBe("test-ministers-meeting");
    expect(event.tags).toEqual(["list:events", "event:test-ministers-meeting"]);
    const history = await listRecordHistory(prisma, "event", event.id);
    expect(history).toEqual([expect.objectContaining({ action: "created", version: 1, authorName: "Intake Editor", note: "Тестовые данные" })]);
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: "nameEn", from: null, to: "Test ministers' meeting" },
        { field: "placeRu", from: null, to: "Бишкек" },
      ]),
    );

    const slug = "water-use-framework-convention";
    const initiatives = await prisma.initiative.count();
    const before = await version(slug);
    const input = acceptPassageSchema.parse({
      sourceId: String(sourceId),
      slug,
      version: String(before),
      ...span(WATER),
      reannouncedAtEventId: String(event.id),
    });
    const accepted = await acceptPassage(prisma, editor, input);
    expect(accepted.version).toBe(before + 1);
    expect(await prisma.quote.findUniqueOrThrow({ where: { id: accepted.quoteId } })).toMatchObject({
      eventId: event.id,
      initiativeId: (await prisma.initiative.findUniqueOrThrow({ where: { slug } })).id,
    });
    const entry = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug }, version: accepted.version } });
    expect(JSON.parse(entry.changes)).toEqual([
      { field: "quote", from: null, to: WATER },
      { field: "reannouncedAt", from: null, to: "test-ministers-meeting" },
    ]);
    expect(await prisma.initiative.count()).toBe(initiatives);
    expect(accepted.tags).toEqual(expect.arrayContaining([`initiative:${slug}`, `source:${sourceId}`, "list:sources"]));

    // Its own event is not a re-announcement.
    const rare = "rare-earth-research-centre";
    const own = acceptPassageSchema.parse({
      sourceId: String(sourceId),
      slug: rare,
      version: String(await version(rare)),
      ...span("В Астане начал работу центр по редким землям"),
      reannouncedAtEventId: String(tashkentId),
    });
    await expect(acceptPassage(prisma, editor, own)).rejects.toMatchObject({ code: "sameEvent" });
  });
});

describe("event corrections", () => {
  const ATTENDEE_QUOTE = "приняли учёных из пяти стран региона";
  it("correct the names, place, date and attendees as the next version of the event's history, with the tags they change", async () => {
    const tashkent = (await getEvent(prisma, "tashkent-2025"))!;
    expect(tashkent.version).toBe(1);
    const attendees = tashkent.attendance.map((a) => a.code);
    const removed = attendees[0]!;
    const added = (await prisma.country.findFirstOrThrow({ where: { code: { notIn: attendees } }, orderBy: { code: "asc" } })).code;
    const form = {
      eventId: String(tashkentId),
      version: "1",
      nameRu: tashkent.nameRu,
      nameEn: `${tashkent.nameEn} (test correction)`,
      placeRu: tashkent.placeRu ?? "",
      placeEn: tashkent.placeEn ?? "",
      dateText: tashkent.dateText ?? "",
      removeAttendees: [removed],
      attendeeCode: added.toLowerCase(),
      quoteSourceId: String(sourceId),
      quoteText: ATTENDEE_QUOTE,
      note: "Тестовое исправление",
    };
    const { version, tags } = await correctEvent(prisma, editor, correctEventSchema.parse(form));
    expect(version).toBe(2);
    const after = (await getEvent(prisma, "tashkent-2025"))!;
    expect(after).toMatchObject({ nameEn: `${tashkent.nameEn} (test correction)`, version: 2 });
    expect(after.attendance.map((a) => a.code)).toEqual([...attendees.filter((c) => c !== removed), added].sort());
    const attendance = await prisma.attendance.findUniqueOrThrow({
      where: { eventId_countryCode: { eventId: tashkentId, countryCode: added } },
      include: { quote: true },
    });
    expect(attendance.quote).toMatchObject({ sourceId, text: ATTENDEE_QUOTE, start: ARTICLE.indexOf(ATTENDEE_QUOTE), initiativeId: null, eventId: null });
    expect(after.history[0]).toMatchObject({ action: "corrected", version: 2, authorName: "Intake Editor", note: "Тестовое исправление" });
    expect(after.history[0]!.changes).toEqual([
      { field: "nameEn", from: tashkent.nameEn, to: `${tashkent.nameEn} (test correction)` },
      { field: "attendees", from: [...attendees].sort().join(", "), to: [...attendees.filter((c) => c !== removed), added].sort().join(", ") },
    ]);
    // Its page and list, the initiatives showing its name, the list's event names, and every country whose page lists it.
    expect(tags).toEqual(
      expect.arrayContaining([
        "event:tashkent-2025",
        "list:events",
        "list:initiatives",
        "initiative:water-use-framework-convention",
        `country:${removed}`,
        `country:${added}`,
      ]),
    );
    expect(tags).not.toContain("tracker-data");
  });

  it("write nothing when stale, unchanged, or when the attendee's quote is not in the source", async () => {
    const current = (await getEvent(prisma, "tashkent-2025"))!;
    const base = {
      eventId: String(tashkentId),
      nameRu: current.nameRu,
      nameEn: current.nameEn,
      placeRu: current.placeRu ?? "",
      placeEn: current.placeEn ?? "",
      dateText: current.dateText ?? "",
      note: "n",
    };
    const entries = await prisma.recordHistoryEntry.count();
    await expect(correctEvent(prisma, editor, correctEventSchema.parse({ ...base, version: "1", nameEn: "Stale" }))).rejects.toMatchObject({
      code: "eventChangedSince",
    });
    await expect(correctEvent(prisma, editor, correctEventSchema.parse({ ...base, version: String(current.version) }))).rejects.toMatchObject({
      code: "nothingChanged",
    });
    const missing = {
      ...base,
      version: String(current.version),
      nameEn: "Changed",
      attendeeCode: "TM",
      quoteSourceId: String(sourceId),
      quoteText: "этого нет в тестовой статье вовсе",
    };
    const listed = current.attendance.some((a) => a.code === "TM");
    await expect(correctEvent(prisma, editor, correctEventSchema.parse(missing))).rejects.toMatchObject({ code: listed ? "attendeeListed" : "quoteNotFound" });
    await expect(
      correctEvent(prisma, editor, correctEventSchema.parse({ ...base, version: String(current.version), removeAttendees: "QQ" })),
    ).rejects.toMatchObject({ code: "attendeeNotListed" });
    expect(await prisma.recordHistoryEntry.count()).toBe(entries);
    expect((await getEvent(prisma, "tashkent-2025"))!).toMatchObject({ nameEn: current.nameEn, version: current.version });
    expect(correctEventSchema.safeParse({ ...base, version: "2", attendeeCode: "AZ" }).error?.issues.map((i) => i.path[0])).toEqual([
      "quoteSourceId",
      "quoteText",
    ]);
    // Two corrections from the same version: one is stored, the other refused.
    const results = await Promise.allSettled(
      ["A", "B"].map((suffix) =>
        correctEvent(prisma, editor, correctEventSchema.parse({ ...base, version: String(current.version), nameEn: `${current.nameEn} ${suffix}` })),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "eventChangedSince" } });
    expect(await eventVersion(prisma, tashkentId)).toBe(current.version + 1);
  });
});

describe("figures and targets", () => {
  it("adds a figure with its quote as a new version of the initiative and version 1 of its own history", async () => {
    const slug = "regional-glacier-monitoring-council";
    const form = {
      slug,
      version: String(await version(slug)),
      nameRu: "Страны-участницы совета",
      nameEn: "Countries in the council",
      unitRu: "стран",
      unitEn: "countries",
      baselineValue: "",
      targetValue: "5",
      targetDate: "",
      quoteSourceId: String(sourceId),
      quoteText: "приняли учёных из пяти стран региона",
      note: "Тестовая цель",
    };
    const input = createMetricSchema.parse(form);
    const { version: after, metricSlug, tags } = await createMetric(prisma, editor, input);
    expect(after).toBe(input.version + 1);
    const metric = await prisma.metric.findUniqueOrThrow({ where: { slug: metricSlug }, include: { targetQuote: true } });
    expect(metric).toMatchObject({ nameEn: "Countries in the council", targetValue: 5, baselineValue: null, baselineQuoteId: null });
    expect(metric.targetQuote?.text).toBe("приняли учёных из пяти стран региона");
    expect(await listRecordHistory(prisma, "metric", metric.id)).toEqual([expect.objectContaining({ action: "created", version: 1, note: "Тестовая цель" })]);
    expect(tags).toEqual(expect.arrayContaining([`initiative:${slug}`, "list:metrics"]));
    const entry = await prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug }, version: after } });
    expect(JSON.parse(entry.changes)).toEqual([{ field: `metric.${metricSlug}.created`, from: null, to: "Countries in the council" }]);

    // A quote not in the source, or a stale version, writes nothing.
    const metrics = await prisma.metric.count();
    await expect(createMetric(prisma, editor, { ...input, version: after, quoteText: "этого нет в тексте" })).rejects.toBeInstanceOf(EditError);
    await expect(createMetric(prisma, editor, input)).rejects.toBeInstanceOf(ConflictError);
    expect(await prisma.metric.count()).toBe(metrics);
    expect(createMetricSchema.safeParse({ ...form, targetValue: "", baselineValue: "" }).error?.issues[0]).toMatchObject({
      path: ["baselineValue"],
      message: "baselineOrTarget",
    });
  });

  it("has its own public history: its creation, then the readings recorded on its initiative, and nothing of other figures", async () => {
    const slug = "regional-glacier-monitoring-council";
    const metric = await prisma.metric.findFirstOrThrow({ where: { initiative: { slug }, nameEn: "Countries in the council" }, select: { slug: true } });
    // A second figure whose slug starts with the first's must not leak into its history.
    const other = await createMetric(
      prisma,
      editor,
      createMetricSchema.parse({
        slug,
        version: String(await version(slug)),
        nameRu: "Страны-участницы совета 2",
        nameEn: "Countries in the council 2",
        unitRu: "стран",
        unitEn: "countries",
        baselineValue: "",
        targetValue: "6",
        targetDate: "",
        quoteSourceId: String(sourceId),
        quoteText: "приняли учёных из пяти стран региона",
        note: "Вторая тестовая цель",
      }),
    );
    expect(other.metricSlug.startsWith(metric.slug)).toBe(true);
    await updateMetric(
      prisma,
      editor,
      updateMetricSchema.parse({
        slug,
        version: String(await version(slug)),
        metricSlug: metric.slug,
        value: "3",
        observedOn: "2025-12-01",
        note: "Тестовое значение",
        evidenceType: "link",
        evidenceUrl: "https://example.org/test-report",
        evidenceTitle: "Test report",
        evidenceDate: "2025-12-01",
      }),
    );
    const history = await getMetricHistory(prisma, metric.slug);
    expect(history).toMatchObject({
      slug: metric.slug,
      nameEn: "Countries in the council",
      initiative: { slug, titleEn: "Regional glacier monitoring council" },
    });
    expect(history!.record).toEqual([expect.objectContaining({ action: "created", version: 1, authorName: "Intake Editor", note: "Тестовая цель" })]);
    expect(history!.record[0]!.changes).toEqual(expect.arrayContaining([{ field: "targetValue", from: null, to: "5" }]));
    expect(history!.entries.map((entry) => [entry.note, entry.changes.map((change) => change.field)])).toEqual([
      ["Тестовое значение", [`metric.${metric.slug}.reading`]],
      ["Тестовая цель", [`metric.${metric.slug}.created`]],
    ]);
    expect(history!.entries[0]).toMatchObject({ authorName: "Intake Editor", evidenceUrl: "https://example.org/test-report" });
    // A seed figure has entries from the seed but no record of its own; an unknown slug is none.
    const seeded = await prisma.metric.findFirstOrThrow({ where: { initiative: { slug: { not: slug } } }, select: { slug: true } });
    expect((await getMetricHistory(prisma, seeded.slug))!.record).toEqual([]);
    expect(await getMetricHistory(prisma, "no-such-figure")).toBeNull();
  });

  it("is corrected with a quote and a note as the next version of its own history; stale, unchanged or unquoted corrections write nothing", async () => {
    const slug = "regional-glacier-monitoring-council";
    const metric = await prisma.metric.findFirstOrThrow({ where: { initiative: { slug }, nameEn: "Countries in the council" } });
    const current = (await getMetricHistory(prisma, metric.slug))!;
    expect(current.version).toBe(1);
    const form = {
      metricSlug: metric.slug,
      version: "1",
      nameRu: current.nameRu,
      nameEn: "Countries on the council",
      unitRu: current.details.unitRu,
      unitEn: current.details.unitEn,
      baselineValue: "2",
      baselinePeriod: "2025",
      targetValue: "5",
      targetDate: "2030-12-31",
      targetDateText: "",
      quoteSourceId: String(sourceId),
      quoteText: "приняли учёных из пяти стран региона",
      note: "Тестовое исправление показателя",
    };
    const { version, tags } = await correctMetric(prisma, editor, correctMetricSchema.parse(form));
    expect(version).toBe(2);
    expect(tags).toEqual(expect.arrayContaining([`metric:${metric.slug}`, "list:metrics", `initiative:${slug}`, `source:${sourceId}`]));
    const after = (await getMetricHistory(prisma, metric.slug))!;
    expect(after).toMatchObject({
      nameEn: "Countries on the council",
      version: 2,
      details: { baselineValue: 2, baselinePeriod: "2025", targetValue: 5, targetDate: "2030-12-31" },
    });
    expect(after.record[0]).toMatchObject({ action: "corrected", version: 2, authorName: "Intake Editor", note: "Тестовое исправление показателя" });
    expect(after.record[0]!.changes).toEqual([
      { field: "nameEn", from: "Countries in the council", to: "Countries on the council" },
      { field: "baselineValue", from: null, to: "2" },
      { field: "baselinePeriod", from: null, to: "2025" },
      { field: "targetDate", from: null, to: "2030-12-31" },
    ]);
    // The new baseline is stated by the correction's quote; the target, restated by its date, too.
    const stored = await prisma.metric.findUniqueOrThrow({ where: { id: metric.id }, include: { baselineQuote: true, targetQuote: true } });
    expect(stored.baselineQuote?.text).toBe("приняли учёных из пяти стран региона");
    expect(stored.targetQuote?.text).toBe("приняли учёных из пяти стран региона");

    const rows = async () => [await prisma.recordHistoryEntry.count(), JSON.stringify(await prisma.metric.findUniqueOrThrow({ where: { id: metric.id } }))];
    const before = await rows();
    await expect(correctMetric(prisma, editor, correctMetricSchema.parse({ ...form, nameEn: "Stale" }))).rejects.toMatchObject({
      code: "metricChangedSince",
      values: { version: 2 },
    });
    await expect(correctMetric(prisma, editor, correctMetricSchema.parse({ ...form, version: "2" }))).rejects.toMatchObject({ code: "nothingChanged" });
    await expect(
      correctMetric(prisma, editor, correctMetricSchema.parse({ ...form, version: "2", nameEn: "X", quoteText: "этого нет в тексте источника" })),
    ).rejects.toMatchObject({
      code: "quoteNotFound",
    });
    await expect(correctMetric(prisma, editor, correctMetricSchema.parse({ ...form, metricSlug: "no-such-figure" }))).rejects.toMatchObject({
      code: "notFound",
    });
    expect(await rows()).toEqual(before);
    // The form's schema: a quote, a note and a baseline or target are required.
    expect(
      correctMetricSchema
        .safeParse({ ...form, quoteText: "", note: "", baselineValue: "", targetValue: "" })
        .error?.issues.map((issue) => issue.path[0])
        .sort(),
    ).toEqual(["baselineValue", "note", "quoteText", "quoteText"].sort());

    // Two corrections from the same version: one is stored, the other refused.
    const results = await Promise.allSettled(
      ["A", "B"].map((suffix) => correctMetric(prisma, editor, correctMetricSchema.parse({ ...form, version: "2", nameEn: `Countries ${suffix}` }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "metricChangedSince" } });
    expect(await metricVersion(prisma, metric.id)).toBe(3);
  });
});

describe("source intake states the tags it expires", () => {
  it("adding, correcting and turning down", async () => {
    const added = await addSource(prisma, editor, addSourceSchema.parse({ origin: "paste", language: "ru", text: `${ARTICLE}\nЕщё одна тестовая строка.` }), {
      maxBytes: 1e7,
    });
    expect(added.tags.sort()).toEqual(["list:sources", `source:${added.id}`]);
    const corrected = await correctSource(
      prisma,
      editor,
      correctSourceSchema.parse({ sourceId: String(sourceId), version: "1", language: "ru", title: "Тестовая статья", note: "Заголовок" }),
    );
    // The quoting initiatives show the source's title beside their quotes.
    expect(corrected.tags).toEqual(
      expect.arrayContaining([
        `source:${sourceId}`,
        "list:sources",
        "list:initiatives",
        "initiative:water-use-framework-convention",
        "initiative:regional-glacier-monitoring-council",
      ]),
    );
    const rejected = await rejectPassage(
      prisma,
      editor,
      rejectPassageSchema.parse({ sourceId: String(sourceId), ...span("Погода в Бишкеке"), initiativeId: "" }),
    );
    expect(rejected.tags).toEqual([]);
  });
});
