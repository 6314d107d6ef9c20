import { describe, expect, it } from "vitest";
import { layoutColumns } from "../../lib/charts/columns";
import { layoutLineChart, orderSeries, type SeriesPoint } from "../../lib/charts/line-chart";
import { niceDomain } from "../../lib/charts/scale";
import { barLength, stackSegments } from "../../lib/charts/stacked-bar";
import { bucketByTime } from "../../lib/charts/time-buckets";
import { isAtOrBeyond, signedCount } from "../../lib/countries/stage-ladder";
import { parseCountryCode, sortCountries } from "../../lib/countries/country-order";
import { judgeTarget, latestValue, type JudgeTargetInput } from "../../lib/metrics/judge-target";
import { parseTheme } from "../../lib/themes/parse-theme";
import { rollUpStatuses, statusByTheme, statusShare } from "../../lib/themes/status-rollup";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("judgeTarget", () => {
  const metric = (overrides: Partial<JudgeTargetInput> = {}): JudgeTargetInput => ({
    baseline: { value: 11.5 },
    target: { value: 20, date: day("2030-12-31") },
    readings: [],
    ...overrides,
  });
  const now = day("2026-06-01");

  it("says achieved when the latest value reaches the target, whatever the date", () => {
    expect(judgeTarget(metric({ readings: [{ value: 20, observedOn: day("2026-01-01") }] }), now)).toBe("achieved");
    expect(judgeTarget(metric({ readings: [{ value: 25, observedOn: day("2026-01-01") }] }), day("2040-01-01"))).toBe("achieved");
    expect(judgeTarget(metric({ target: { value: 20, date: null }, readings: [{ value: 21, observedOn: null }] }), now)).toBe("achieved");
  });

  it("judges by the latest reading, not the largest or the last listed", () => {
    const readings = [
      { value: 22, observedOn: day("2025-01-01") },
      { value: 15, observedOn: day("2026-01-01") },
    ];
    expect(latestValue({ baseline: null, readings })).toBe(15);
    expect(latestValue({ baseline: null, readings: [...readings].reverse() })).toBe(15);
    expect(judgeTarget(metric({ readings }), now)).toBe("not_yet_due");
    expect(latestValue({ baseline: { value: 3 }, readings: [] })).toBe(3);
  });

  it("says not yet due before the target date and off track after it", () => {
    expect(judgeTarget(metric(), now)).toBe("not_yet_due");
    expect(judgeTarget(metric(), day("2031-01-05"))).toBe("off_track");
  });

  it("counts the target date itself as still due, the next day as late", () => {
    const due = metric({ target: { value: 20, date: day("2026-06-01") } });
    expect(judgeTarget(due, new Date("2026-05-31T23:59:59Z"))).toBe("not_yet_due");
    expect(judgeTarget(due, new Date("2026-06-01T00:00:00Z"))).toBe("not_yet_due");
    expect(judgeTarget(due, new Date("2026-06-01T23:59:59.999Z"))).toBe("not_yet_due");
    expect(judgeTarget(due, new Date("2026-06-02T00:00:00Z"))).toBe("off_track");
  });

  it("says no deadline stated when there is no target date", () => {
    expect(judgeTarget(metric({ target: { value: 20, date: null } }), now)).toBe("no_deadline");
    expect(judgeTarget(metric({ target: { value: 20, date: null } }), day("2099-01-01"))).toBe("no_deadline");
  });

  it("says no data without a baseline or a reading, even with a target", () => {
    expect(judgeTarget(metric({ baseline: null, target: { value: 5, date: null } }), now)).toBe("no_data");
    expect(judgeTarget(metric({ baseline: null, target: { value: 5, date: day("2020-01-01") } }), now)).toBe("no_data");
  });

  it("says no target when there are values but nothing to reach", () => {
    expect(judgeTarget({ baseline: null, target: null, readings: [{ value: 7, observedOn: null }] }, now)).toBe("no_target");
  });

  it("treats a target below the baseline as one to go down to", () => {
    const reduce = metric({ baseline: { value: 100 }, target: { value: 50, date: day("2025-01-01") } });
    expect(judgeTarget(reduce, now)).toBe("off_track");
    expect(judgeTarget({ ...reduce, readings: [{ value: 40, observedOn: day("2026-01-01") }] }, now)).toBe("achieved");
  });
});

describe("signed by n of m", () => {
  it("counts parties at or beyond signed out of all parties, ignoring supporters", () => {
    expect(
      signedCount([
        { role: "participant", stage: "signed" },
        { role: "participant", stage: "signed" },
        { role: "supporter", stage: null },
      ]),
    ).toEqual({ reached: 2, total: 2 });
    expect(
      signedCount([
        { role: "proposer", stage: "ratified" },
        { role: "participant", stage: "in_force" },
        { role: "participant", stage: "text_agreed" },
        { role: "participant", stage: null },
        { role: "participant", stage: "operating" },
      ]),
    ).toEqual({ reached: 3, total: 5 });
  });

  it("is unknown (null) when no party's own stage is known", () => {
    expect(signedCount([{ role: "proposer", stage: null }])).toBeNull();
    expect(signedCount([])).toBeNull();
    expect(
      signedCount([
        { role: "participant", stage: null },
        { role: "supporter", stage: "signed" },
      ]),
    ).toBeNull();
  });

  it("knows the order of the stage ladder", () => {
    expect(isAtOrBeyond("signed", "signed")).toBe(true);
    expect(isAtOrBeyond("operating", "signed")).toBe(true);
    expect(isAtOrBeyond("text_agreed", "signed")).toBe(false);
    expect(isAtOrBeyond(null, "announced")).toBe(false);
  });
});

describe("URL parameters of the analysts' pages", () => {
  it("accepts country codes in any case and rejects anything else", () => {
    expect(parseCountryCode("kz")).toBe("KZ");
    expect(parseCountryCode("Kg")).toBe("KG");
    expect(parseCountryCode("KAZ")).toBeNull();
    expect(parseCountryCode("k1")).toBeNull();
    expect(parseCountryCode("%E0%A4%A")).toBeNull();
  });

  it("accepts only the vocabulary's themes", () => {
    expect(parseTheme("water_environment")).toBe("water_environment");
    expect(parseTheme("Water_Environment")).toBeNull();
    expect(parseTheme("weather")).toBeNull();
  });

  it("orders members as the sources list them, then partners", () => {
    const codes = ["CN", "AZ", "EU", "KG", "KZ", "RU", "TJ", "TM", "US", "UZ"].map((code) => ({
      code,
      member: !["CN", "EU", "RU", "US"].includes(code),
    }));
    expect(sortCountries(codes).map((country) => country.code)).toEqual(["KZ", "KG", "TJ", "TM", "UZ", "AZ", "CN", "US", "RU", "EU"]);
  });
});

describe("status roll-up", () => {
  it("counts every status and computes shares", () => {
    const rollup = rollUpStatuses(["proposed", "proposed", "agreed", "implemented"]);
    expect(rollup.total).toBe(4);
    expect(rollup.counts).toMatchObject({ proposed: 2, agreed: 1, implemented: 1, stalled: 0 });
    expect(statusShare(rollup, "proposed")).toBe(0.5);
    expect(statusShare(rollUpStatuses([]), "implemented")).toBe(0);
  });

  it("counts an initiative under each of its themes", () => {
    const rows = statusByTheme([
      { theme: "security", status: "agreed" },
      { theme: "institutions_diplomacy", status: "agreed" },
      { theme: "security", status: "proposed" },
    ]);
    expect(rows.find((row) => row.theme === "security")).toMatchObject({ total: 2, counts: { agreed: 1, proposed: 1 } });
    expect(rows.find((row) => row.theme === "tourism")!.total).toBe(0);
    expect(rows).toHaveLength(9);
  });
});

describe("stacked bar geometry", () => {
  it("gives segment widths proportional to the values that add up to the bar", () => {
    const parts = [
      { key: "a", value: 3 },
      { key: "b", value: 0 },
      { key: "c", value: 1 },
      { key: "d", value: 2 },
    ];
    const segments = stackSegments(parts, 300, 10);
    expect(segments.map((segment) => segment.key)).toEqual(["a", "c", "d"]);
    expect(segments.reduce((sum, segment) => sum + segment.width, 0)).toBeCloseTo(300, 10);
    expect(segments[0]).toMatchObject({ x: 10, width: 150 });
    expect(segments[1]!.x).toBeCloseTo(160);
    expect(segments[1]!.width).toBeCloseTo(50);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.x).toBeCloseTo(segments[i - 1]!.x + segments[i - 1]!.width);
    expect(segments.at(-1)!.x + segments.at(-1)!.width).toBe(310);
  });

  it("sums exactly even with awkward fractions, and draws nothing for an empty bar", () => {
    const segments = stackSegments(
      [
        { key: 1, value: 0.1 },
        { key: 2, value: 0.2 },
        { key: 3, value: 0.7 },
      ],
      97,
    );
    expect(segments.at(-1)!.x + segments.at(-1)!.width).toBe(97);
    expect(stackSegments([{ key: 1, value: 0 }], 100)).toEqual([]);
  });

  it("scales bars against the largest total", () => {
    expect(barLength(5, 10, 600)).toBe(300);
    expect(barLength(10, 10, 600)).toBe(600);
    expect(barLength(0, 10, 600)).toBe(0);
    expect(barLength(3, 0, 600)).toBe(0);
  });
});

describe("line chart geometry", () => {
  const box = { width: 400, height: 200, left: 40, right: 20, top: 20, bottom: 40 };

  it("puts an undated baseline first, then readings by date, undated readings last", () => {
    const series: SeriesPoint[] = [
      { value: 30, date: day("2027-01-01"), kind: "reading" },
      { value: 5, date: null, kind: "reading" },
      { value: 20, date: day("2026-01-01"), kind: "reading" },
      { value: 10, date: null, kind: "baseline" },
    ];
    expect(orderSeries(series).map((point) => point.value)).toEqual([10, 20, 30, 5]);
  });

  it("orders points left to right by date and keeps them inside the plot and the viewBox", () => {
    const series: SeriesPoint[] = [
      { value: 18, date: day("2028-01-01"), kind: "reading" },
      { value: 11.5, date: null, kind: "baseline" },
      { value: 14, date: day("2026-01-01"), kind: "reading" },
      { value: 15, date: day("2026-07-01"), kind: "reading" },
    ];
    const layout = layoutLineChart(series, box, 20);
    expect(layout.points.map((point) => point.value)).toEqual([11.5, 14, 15, 18]);
    const xs = layout.points.map((point) => point.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(xs.length);
    for (const point of layout.points) {
      expect(point.x).toBeGreaterThanOrEqual(layout.plot.left);
      expect(point.x).toBeLessThanOrEqual(layout.plot.right);
      expect(point.y).toBeGreaterThanOrEqual(layout.plot.top);
      expect(point.y).toBeLessThanOrEqual(layout.plot.bottom);
    }
    expect(layout.plot).toEqual({ left: 40, right: 380, top: 20, bottom: 160 });
    // Dated points are spaced by time: 2026-07 lies a quarter of the way from 2026-01 to 2028-01.
    const [, first, middle, last] = xs as [number, number, number, number];
    expect((middle - first) / (last - first)).toBeCloseTo(181 / 730, 2);
    // A higher value is drawn higher up (smaller y); the target line is inside the plot too.
    expect(layout.points[3]!.y).toBeLessThan(layout.points[0]!.y);
    expect(layout.targetY).not.toBeNull();
    expect(layout.targetY!).toBeGreaterThanOrEqual(layout.plot.top);
    expect(layout.targetY!).toBeLessThan(layout.points[3]!.y);
    expect(layout.path.startsWith("M")).toBe(true);
    expect(layout.path.split("L")).toHaveLength(4);
  });

  it("draws a single point in the middle, without a line", () => {
    const layout = layoutLineChart([{ value: 7, date: null, kind: "reading" }], box, null);
    expect(layout.points[0]!.x).toBe(210);
    expect(layout.path).toBe("");
    expect(layout.targetY).toBeNull();
  });

  it("uses round axis ticks that cover the values", () => {
    expect(niceDomain(0, 20)).toEqual({ min: 0, max: 20, ticks: [0, 5, 10, 15, 20] });
    const domain = niceDomain(0, 11.5);
    expect(domain.max).toBeGreaterThanOrEqual(11.5);
    expect(domain.ticks[0]).toBe(0);
  });
});

describe("status changes over time", () => {
  it("counts per day when everything falls within one month, filling empty days", () => {
    const series = bucketByTime([new Date("2026-11-21T06:05:02Z"), new Date("2026-11-21T09:00:00Z"), new Date("2026-11-23T01:00:00Z")]);
    expect(series.unit).toBe("day");
    expect(series.buckets.map((bucket) => [bucket.key, bucket.count])).toEqual([
      ["2026-11-21", 2],
      ["2026-11-22", 0],
      ["2026-11-23", 1],
    ]);
  });

  it("counts per month across months, filling empty months, and keeps every entry", () => {
    const dates = [new Date("2025-11-30T23:00:00Z"), new Date("2026-01-01T00:00:00Z"), new Date("2026-01-15T00:00:00Z")];
    const series = bucketByTime(dates);
    expect(series.unit).toBe("month");
    expect(series.buckets.map((bucket) => [bucket.key, bucket.count])).toEqual([
      ["2025-11", 1],
      ["2025-12", 0],
      ["2026-01", 2],
    ]);
    expect(series.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(dates.length);
    expect(bucketByTime([]).buckets).toEqual([]);
  });

  it("lays columns out left to right, with heights proportional to the counts", () => {
    const layout = layoutColumns([2, 0, 4], { width: 300, height: 200, left: 30, right: 10, top: 10, bottom: 30 });
    const [a, b, c] = layout.bars as [(typeof layout.bars)[0], (typeof layout.bars)[0], (typeof layout.bars)[0]];
    expect(a.x).toBeLessThan(b.x);
    expect(b.x).toBeLessThan(c.x);
    expect(b.height).toBe(0);
    expect(c.height).toBeCloseTo(a.height * 2);
    expect(c.y).toBeGreaterThanOrEqual(layout.plot.top);
    expect(c.y + c.height).toBeCloseTo(layout.plot.bottom);
    expect(layout.ticks.every((tick) => Number.isInteger(tick.value))).toBe(true);
  });
});

describe("time buckets at scale", () => {
  it("counts a million dated events without overflowing the stack", async () => {
    const { bucketDayCounts } = await import("../../lib/charts/time-buckets");
    const days = Array.from({ length: 1_000 }, (_, i) => ({ day: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10), count: 1_000 }));
    const series = bucketDayCounts(days);
    expect(series.unit).toBe("month");
    expect(series.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(1_000_000);
  });
});
