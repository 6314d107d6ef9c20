/** Geometry of horizontal stacked bars (pure). */

export interface StackSegment<K> {
  key: K;
  value: number;
  x: number;
  width: number;
}

/**
 * Splits a bar of `length` starting at `x0` into segments proportional to the values, in the
 * given order; zero values get no segment. Each segment ends where the next begins and the last
 * ends exactly at x0 + length, so the widths add up to the bar.
 */
export function stackSegments<K>(parts: readonly { key: K; value: number }[], length: number, x0 = 0): StackSegment<K>[] {
  const total = parts.reduce((sum, part) => sum + Math.max(0, part.value), 0);
  if (total <= 0 || length <= 0) return [];
  const segments: StackSegment<K>[] = [];
  const lastPositive = parts.reduce((last, part, index) => (part.value > 0 ? index : last), -1);
  let cumulative = 0;
  for (const [index, part] of parts.entries()) {
    if (part.value <= 0) continue;
    const start = x0 + (length * cumulative) / total;
    cumulative += part.value;
    const end = index === lastPositive ? x0 + length : x0 + (length * cumulative) / total;
    segments.push({ key: part.key, value: part.value, x: start, width: end - start });
  }
  return segments;
}

/** The length of a bar whose total is `total` when the largest bar (`maxTotal`) fills `fullLength`. */
export function barLength(total: number, maxTotal: number, fullLength: number): number {
  if (maxTotal <= 0 || total <= 0) return 0;
  return (Math.min(total, maxTotal) / maxTotal) * fullLength;
}
