/**
 * A progress line for long command-line work: how far, how fast, and about how long is left,
 * printed at most once a second (and always at the end) so a large run shows it is alive.
 */

/** A duration as people read it: 42 s, 3 min 05 s, 1 h 02 min. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, "0")} min`;
}

/** "about … left" at the pace so far; empty before the first item (no pace yet) and once done. */
export function timeLeft(done: number, total: number, seconds: number): string {
  return done > 0 && done < total ? `about ${formatDuration((seconds / done) * (total - done))} left` : "";
}

/** One line: `label: 1,234 of 5,000 (24%) in 3.1 s, about 10 s left`. */
export function progressLine(label: string, done: number, total: number, seconds: number): string {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  const left = timeLeft(done, total, seconds);
  return `${label}: ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} (${percent}%) in ${seconds.toFixed(1)} s${left ? `, ${left}` : ""}`;
}

export function progress(
  label: string,
  total: number,
  write: (line: string) => void = (line) => console.log(line),
  now: () => number = () => performance.now(),
): (done: number) => void {
  const started = now();
  let lastShown = -Infinity;
  return (done: number) => {
    const at = now();
    if (done < total && at - lastShown < 1_000) return;
    lastShown = at;
    write(progressLine(label, done, total, (at - started) / 1000));
  };
}
