import { linearScale, niceDomain } from "./scale";

/** Geometry of a metric's small line chart (pure). */

export interface SeriesPoint {
  value: number;
  /** Null when the source gives no date (e.g. a baseline "last year"). */
  date: Date | null;
  kind: "baseline" | "reading";
}

export interface PlacedPoint extends SeriesPoint {
  x: number;
  y: number;
}

export interface LineChartLayout {
  points: PlacedPoint[];
  /** SVG path through the points in order ("" for fewer than two points). */
  path: string;
  ticks: { value: number; y: number }[];
  /** The target as a horizontal line, when there is one. */
  targetY: number | null;
  plot: { left: number; right: number; top: number; bottom: number };
}

/**
 * Chronological order: an undated baseline first (it precedes every reading), then dated
 * points by date, then undated readings in the order given.
 */
export function orderSeries(points: readonly SeriesPoint[]): SeriesPoint[] {
  const rank = (point: SeriesPoint) => (point.date ? 1 : point.kind === "baseline" ? 0 : 2);
  return points
    .map((point, index) => ({ point, index }))
    .sort((a, b) => rank(a.point) - rank(b.point) || (a.point.date && b.point.date ? a.point.date.getTime() - b.point.date.getTime() : 0) || a.index - b.index)
    .map(({ point }) => point);
}

/**
 * Points get evenly spaced slots in chronological order; between the first and the last dated
 * point, dated points are placed in proportion to time. Values are scaled so that every point and
 * the target line lie inside the plot area, which lies inside the viewBox.
 */
export function layoutLineChart(
  series: readonly SeriesPoint[],
  box: { width: number; height: number; left: number; right: number; top: number; bottom: number },
  target: number | null = null,
): LineChartLayout {
  const plot = { left: box.left, right: box.width - box.right, top: box.top, bottom: box.height - box.bottom };
  const ordered = orderSeries(series);
  const values = [...ordered.map((point) => point.value), ...(target === null ? [] : [target])];
  const domain = niceDomain(Math.min(0, ...values), Math.max(0, ...values), 4);
  const y = linearScale(domain.min, domain.max, plot.bottom, plot.top);

  const slotX = (index: number) => (ordered.length <= 1 ? (plot.left + plot.right) / 2 : plot.left + ((plot.right - plot.left) * index) / (ordered.length - 1));
  const xs = ordered.map((_, index) => slotX(index));
  const datedIndexes = ordered.flatMap((point, index) => (point.date ? [index] : []));
  if (datedIndexes.length >= 2) {
    const firstIndex = datedIndexes[0]!;
    const lastIndex = datedIndexes.at(-1)!;
    const timeToX = linearScale(ordered[firstIndex]!.date!.getTime(), ordered[lastIndex]!.date!.getTime(), slotX(firstIndex), slotX(lastIndex));
    for (const index of datedIndexes) xs[index] = timeToX(ordered[index]!.date!.getTime());
  }

  const points = ordered.map((point, index) => ({ ...point, x: xs[index]!, y: y(point.value) }));
  const path = points.length < 2 ? "" : points.map((point, index) => `${index === 0 ? "M" : "L"}${round(point.x)} ${round(point.y)}`).join(" ");
  return {
    points,
    path,
    ticks: domain.ticks.map((value) => ({ value, y: y(value) })),
    targetY: target === null ? null : y(target),
    plot,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
