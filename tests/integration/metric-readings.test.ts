import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/prisma";
import { normalizeDecimal, updateMetricSchema } from "../../lib/initiatives/edit-schemas";
import { updateMetric } from "../../lib/initiatives/update-metric";
import { seedWorkerDatabase } from "../helpers/seeded";
import { makeUser } from "../helpers/users";

beforeAll(seedWorkerDatabase);

describe("readings typed with a decimal comma", () => {
  it("12,5 and 12.5 are both 12.5; digit groups and 1,234.5 are understood; nonsense is refused", () => {
    expect(["12,5", "12.5", " 12,5 ", "12 5,0".replace(" 5", "5")].map(normalizeDecimal).map(Number)).toEqual([12.5, 12.5, 12.5, 125]);
    expect(Number(normalizeDecimal("1 234,5"))).toBe(1234.5);
    expect(Number(normalizeDecimal("1\u00a0234,5"))).toBe(1234.5);
    expect(Number(normalizeDecimal("1,234.5"))).toBe(1234.5);
    const parse = (value: string) =>
      updateMetricSchema.safeParse({
        slug: "x",
        version: "1",
        metricSlug: "m",
        value,
        observedOn: "2025-11-17",
        note: "n",
        evidenceType: "link",
        evidenceUrl: "https://example.org/a",
        evidenceTitle: "A",
        evidenceDate: "2025-11-17",
      });
    expect(parse("12,5").data?.value).toBe(12.5);
    expect(parse("12,5,1").error?.issues[0]?.message).toBe("invalidNumber");
  });
});

describe("a reading far above the previous one or the target", () => {
  it("is refused until the editor confirms it, then saved", async () => {
    const metric = await prisma.metric.findFirstOrThrow({
      where: { targetValue: { gt: 0 } },
      select: { slug: true, targetValue: true, initiative: { select: { slug: true } } },
    });
    const editor = await makeUser(prisma, "editor");
    const input = async (value: number, confirmLarge: boolean) => {
      const { version } = await prisma.initiative.findUniqueOrThrow({ where: { slug: metric.initiative.slug }, select: { version: true } });
      return updateMetricSchema.parse({
        slug: metric.initiative.slug,
        version: String(version),
        metricSlug: metric.slug,
        value: String(value),
        observedOn: "2025-11-17",
        note: "reading",
        evidenceType: "link",
        evidenceUrl: "https://example.org/report",
        evidenceTitle: "Report",
        evidenceDate: "2025-11-17",
        ...(confirmLarge ? { confirmLarge: "on" } : {}),
      });
    };
    const huge = metric.targetValue! * 3.5;
    await expect(updateMetric(prisma, editor, await input(huge, false))).rejects.toMatchObject({ code: "confirmLargeReading", field: "value" });
    expect(await prisma.metricReading.count({ where: { value: huge } })).toBe(0);
    await updateMetric(prisma, editor, await input(huge, true));
    expect(await prisma.metricReading.count({ where: { value: huge } })).toBe(1);
    // A reading within three times the previous one and the target needs no confirmation.
    await updateMetric(prisma, editor, await input(metric.targetValue! * 2, false));
    expect(await prisma.metricReading.count({ where: { value: metric.targetValue! * 2 } })).toBe(1);
  });
});
