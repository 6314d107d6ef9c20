import { spawn, spawnSync } from "node:child_process";

/** One row of the table: a target loaded with wrk. */
export interface LoadResult {
  target: string;
  url: string;
  requestsPerSecond: number;
  /** Milliseconds, from wrk's latency distribution. */
  p50: number;
  p99: number;
  completed: number;
  non2xx: number;
  /** Socket errors (connect, read, write) and timeouts. */
  errors: number;
  timeouts: number;
  /** The page's size, so a row can be set against nginx serving the same bytes. */
  bytes: number;
}

export interface LoadSettings {
  connections: number;
  /** Seconds. */
  duration: number;
}

/** wrk's binary; installs Debian's package when missing and we are root with apt-get. */
export function ensureWrk(log: (line: string) => void): string {
  const which = () => {
    const found = spawnSync("sh", ["-c", "command -v wrk"], { encoding: "utf8" });
    return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
  };
  const found = which();
  if (found) return found;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root || spawnSync("sh", ["-c", "command -v apt-get"]).status !== 0) {
    throw new Error("wrk is missing: install it (e.g. `sudo apt-get install -y wrk`); the bench needs a load tool faster than the pages it measures.");
  }
  log("wrk is missing: apt-get install -y wrk …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (spawnSync("apt-get", ["install", "-y", "wrk"], { stdio: "inherit", env }).status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    spawnSync("apt-get", ["install", "-y", "wrk"], { stdio: "inherit", env });
  }
  const after = which();
  if (!after) throw new Error("wrk could not be installed.");
  return after;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function milliseconds(text: string | undefined): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? "");
  return match ? Number(match[1]) * UNIT_MS[match[2]!]! : Number.NaN;
}

/** Reads wrk's text report (`--latency`). */
export function parseWrk(output: string): Omit<LoadResult, "target" | "url" | "bytes"> {
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const timeouts = socket ? Number(socket[4]) : 0;
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p50: milliseconds(/^\s+50%\s+(\S+)/m.exec(output)?.[1]),
    p99: milliseconds(/^\s+99%\s+(\S+)/m.exec(output)?.[1]),
    completed: number(/(\d+) requests in /),
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/),
    errors: socket ? Number(socket[1]) + Number(socket[2]) + Number(socket[3]) + timeouts : 0,
    timeouts,
  };
}

/**
 * Loads one URL with wrk (one thread: the app is one Node process and the cores are shared),
 * without Accept-Encoding, so the app and nginx both send identity bodies.
 */
export async function measure(
  wrk: string,
  target: string,
  url: string,
  settings: LoadSettings,
  bytes: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const args = ["-t1", `-c${settings.connections}`, `-d${settings.duration}s`, "--latency", "--timeout", `${Math.max(10, settings.duration * 2)}s`];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(wrk, [...args, url], { stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}: ${text.slice(0, 300)}`))));
  });
  return { target, url, bytes, ...parseWrk(output) };
}
