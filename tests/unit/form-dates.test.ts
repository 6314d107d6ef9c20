import { describe, expect, it } from "vitest";
import { formatDayInput, latestPastDay, normalizeDayInput } from "../../lib/dates";
import { changeStatusSchema, updateMetricSchema } from "../../lib/initiatives/edit-schemas";

const status = (fields: Record<string, string>) =>
  changeStatusSchema.safeParse({
    slug: "x",
    version: "1",
    status: "proposed",
    note: "why",
    evidenceType: "link",
    evidenceUrl: "https://example.org/a",
    evidenceTitle: "A page",
    evidenceDate: "2025-11-17",
    effectiveOn: "2025-11-17",
    ...fields,
  });
const errorAt = (parsed: ReturnType<typeof status>, field: string) => parsed.error?.issues.find((issue) => issue.path[0] === field)?.message;

describe("dates typed into forms", () => {
  it("accept the Russian way of writing a day as well as ISO", () => {
    expect(status({ effectiveOn: "31.12.2025" }).data?.effectiveOn).toBe("2025-12-31");
    expect(status({ effectiveOn: "1.2.2025" }).data?.effectiveOn).toBe("2025-02-01");
    expect(status({ effectiveOn: "2025-12-31" }).data?.effectiveOn).toBe("2025-12-31");
    expect(errorAt(status({ effectiveOn: "31/12/2025" }), "effectiveOn")).toBe("invalidDate");
    expect(errorAt(status({ effectiveOn: "32.12.2025" }), "effectiveOn")).toBe("invalidDate");
    expect(normalizeDayInput("22026-03-11")).toBe("22026-03-11");
    expect(formatDayInput("2026-12-31", "ru")).toBe("31.12.2026");
    expect(formatDayInput("2026-12-31", "en")).toBe("2026-12-31");
    // What a person typed, kept after a refusal, shows as typed.
    expect(formatDayInput("31-12-2026", "ru")).toBe("31-12-2026");
    expect(formatDayInput("31.12.2026", "ru")).toBe("31.12.2026");
  });

  it("refuse effective, evidence and reading dates after today (+1 day for time zones); targets may be in the future", () => {
    expect(errorAt(status({ effectiveOn: "2099-01-01" }), "effectiveOn")).toBe("dateInFuture");
    expect(errorAt(status({ evidenceDate: "2099-01-01" }), "evidenceDate")).toBe("dateInFuture");
    expect(status({ effectiveOn: latestPastDay() }).success).toBe(true);
    const dayAfter = new Date(Date.parse(`${latestPastDay()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(errorAt(status({ effectiveOn: dayAfter }), "effectiveOn")).toBe("dateInFuture");
    const metric = (fields: Record<string, string>) =>
      updateMetricSchema.safeParse({
        slug: "x",
        version: "1",
        metricSlug: "m",
        note: "why",
        evidenceType: "link",
        evidenceUrl: "https://example.org/a",
        evidenceTitle: "A",
        evidenceDate: "2025-11-17",
        ...fields,
      });
    expect(metric({ value: "5", observedOn: "2099-01-01" }).error?.issues[0]?.message).toBe("dateInFuture");
    expect(metric({ targetDate: "2030-12-31" }).success).toBe(true);
  });
});
