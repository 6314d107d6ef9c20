/**
 * A progress line for long command-line work: how far, how fast, and about how long is left,
 * printed at most once a second (and always at the end) so a large run shows it is alive.
 */
export function progress(label: string, total: number, write: (line: string) => void = (line) => console.log(line)): (done: number) => void {
  const started = performance.now();
  let lastShown = 0;
  return (done: number) => {
    const now = performance.now();
    if (done < total && now - lastShown < 1_000) return;
    lastShown = now;
    const seconds = (now - started) / 1000;
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    const left = done > 0 && done < total ? `, about ${Math.ceil((seconds / done) * (total - done))} s left` : "";
    write(`${label}: ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} (${percent}%) in ${seconds.toFixed(1)} s${left}`);
  };
}
