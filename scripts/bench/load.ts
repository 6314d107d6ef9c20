import autocannon from "autocannon";

/** One row of the table: a target measured with autocannon. */
export interface LoadResult {
  target: string;
  url: string;
  /** Mean of autocannon's per-second samples. */
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  completed: number;
  ok2xx: number;
  non2xx: number;
  /** Socket errors and timeouts (timeouts are also counted separately). */
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  bytesPerSecond: number;
}

export interface LoadSettings {
  connections: number;
  /** Seconds. */
  duration: number;
}

/**
 * Runs autocannon in this process with the same settings for every target (pipelining 1, no
 * Accept-Encoding, so the app and nginx both send identity bodies). A request slower than
 * max(10 s, 2 × duration) counts as a timeout.
 */
export async function measure(target: string, url: string, settings: LoadSettings, headers: Record<string, string> = {}): Promise<LoadResult> {
  const result = await autocannon({
    url,
    title: target,
    connections: settings.connections,
    duration: settings.duration,
    pipelining: 1,
    timeout: Math.max(10, settings.duration * 2),
    headers,
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]));
  return {
    target,
    url,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    completed: result["2xx"] + result.non2xx,
    ok2xx: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    bytesPerSecond: result.throughput.average,
  };
}
