/**
 * How a quantitative target stands, judged against an explicit `now` (pure, so it is tested
 * with fixed dates). "Not yet due" is not "off track": a target is late only once its stated
 * date has passed.
 */
export const TARGET_JUDGEMENTS = ["achieved", "not_yet_due", "off_track", "no_deadline", "no_data", "no_target"] as const;
export type TargetJudgement = (typeof TARGET_JUDGEMENTS)[number];

export interface JudgeTargetInput {
  baseline: { value: number } | null;
  target: { value: number; date: Date | null } | null;
  /** In any order; the latest is the one with the latest observedOn, else the last undated one. */
  readings: { value: number; observedOn: Date | null }[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The latest known value: the latest dated reading, else the last reading, else the baseline. */
export function latestValue(metric: Pick<JudgeTargetInput, "baseline" | "readings">): number | null {
  let latest: { value: number; observedOn: Date | null } | undefined;
  for (const reading of metric.readings) {
    if (!latest) latest = reading;
    else if (reading.observedOn === null) {
      if (latest.observedOn === null) latest = reading;
    } else if (latest.observedOn === null || reading.observedOn.getTime() >= latest.observedOn.getTime()) latest = reading;
  }
  return latest?.value ?? metric.baseline?.value ?? null;
}

/**
 * The moment a target falls due: the end of its target day (dates are stored as UTC midnight),
 * so on the target date itself the target is still "not yet due".
 */
export function dueAt(targetDate: Date): Date {
  return new Date(targetDate.getTime() + DAY_MS);
}

/**
 * - no_data: neither a baseline nor any reading (nothing to measure from);
 * - no_target: values but no target value;
 * - achieved: the latest value has reached the target (≥, or ≤ for a target below its baseline);
 * - no_deadline: not reached and no target date stated;
 * - not_yet_due: not reached and the target date is today or later;
 * - off_track: not reached and the target date has passed.
 */
export function judgeTarget(metric: JudgeTargetInput, now: Date): TargetJudgement {
  const current = latestValue(metric);
  if (current === null) return "no_data";
  if (!metric.target) return "no_target";
  const decreasing = metric.baseline !== null && metric.target.value < metric.baseline.value;
  const reached = decreasing ? current <= metric.target.value : current >= metric.target.value;
  if (reached) return "achieved";
  if (!metric.target.date) return "no_deadline";
  return now.getTime() < dueAt(metric.target.date).getTime() ? "not_yet_due" : "off_track";
}
