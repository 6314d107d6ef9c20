import type { MetricView } from "../metrics/metric-view";

export interface MetricProgress {
  /** The latest reading, or the baseline when nothing has been read since. */
  current: number;
  target: number;
  /** 0–100: how far the current value has come towards the target. */
  percent: number;
}

/** Progress towards a target, or null when there is no target or nothing to measure from. */
export function metricProgress(metric: Pick<MetricView, "baseline" | "target" | "readings">): MetricProgress | null {
  if (!metric.target || metric.target.value <= 0) return null;
  const current = metric.readings.at(-1)?.value ?? metric.baseline?.value;
  if (current === undefined) return null;
  const percent = Math.max(0, Math.min(100, (current / metric.target.value) * 100));
  return { current, target: metric.target.value, percent };
}
