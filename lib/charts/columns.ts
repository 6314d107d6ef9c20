import { linearScale, niceDomain } from "./scale";

/** Geometry of a vertical bar (column) chart (pure). */
export interface ColumnLayout {
  bars: { index: number; value: number; x: number; y: number; width: number; height: number; centre: number }[];
  ticks: { value: number; y: number }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

export function layoutColumns(
  values: readonly number[],
  box: { width: number; height: number; left: number; right: number; top: number; bottom: number },
): ColumnLayout {
  const plot = { left: box.left, right: box.width - box.right, top: box.top, bottom: box.height - box.bottom };
  const domain = niceDomain(0, Math.max(1, ...values), 4);
  // Whole counts only: a step below 1 would label half an entry.
  const ticks = domain.ticks.filter((value) => Number.isInteger(value));
  const y = linearScale(0, domain.max, plot.bottom, plot.top);
  const slot = values.length ? (plot.right - plot.left) / values.length : 0;
  const width = Math.min(48, slot * 0.7);
  return {
    plot,
    ticks: ticks.map((value) => ({ value, y: y(value) })),
    bars: values.map((value, index) => {
      const centre = plot.left + slot * (index + 0.5);
      const top = y(value);
      return { index, value, x: centre - width / 2, y: top, width, height: plot.bottom - top, centre };
    }),
  };
}
