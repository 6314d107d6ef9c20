import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * Child processes for the bench (the app, nginx) started in process groups of their own, so
 * that stopping one stops everything it started (`npx` → `sh` → `next-server`), and their
 * memory, read from /proc.
 */

export interface Group {
  name: string;
  child: ChildProcess;
  pid: number;
  /** The last lines of its output, to show when it fails. */
  tail: string[];
  /** Distinct error lines it printed (the first few), e.g. the app's "⨯ RangeError: …". */
  errors: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited: () => boolean;
}

export function startGroup(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Group {
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid === undefined) throw new Error(`Could not start ${name} (${command})`);
  const tail: string[] = [];
  const errors: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim() || line.includes("npm warn")) continue;
      tail.push(line);
      if (/⨯|Error\b/.test(line) && errors.length < 10 && !errors.includes(line.trim())) errors.push(line.trim());
    }
    if (tail.length > 60) tail.splice(0, tail.length - 60);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  return { name, child, pid: child.pid, tail, errors, exited, hasExited: () => done };
}

/** SIGTERM to the whole group, SIGKILL if it is still there after `graceMs`. */
export async function stopGroup(group: Group, graceMs = 5000): Promise<void> {
  if (group.hasExited() && !groupAlive(group.pid)) return;
  signalGroup(group.pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupAlive(group.pid)) await sleep(100);
  if (groupAlive(group.pid)) signalGroup(group.pid, "SIGKILL");
}

/** Synchronous last resort for process exit handlers. */
export function killGroupNow(group: Group): void {
  signalGroup(group.pid, "SIGKILL");
}

function signalGroup(pgid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "localhost", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers below 500, the process dies, or time runs out. */
export async function waitForHttp(url: string, timeoutMs: number, group?: Group): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (group?.hasExited()) throw new Error(`${group.name} exited before answering:\n${group.tail.join("\n")}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${last})${group ? `:\n${group.tail.join("\n")}` : ""}`);
}

// ---- Memory, from /proc (Linux) ----

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …"; comm may contain spaces or parentheses.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** `root` and every process below it. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const parent = parentOf(pid);
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(pid);
    children.set(parent, list);
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export interface ProcessMemory {
  pid: number;
  command: string;
  rssKb: number;
  hwmKb: number;
}

export function processMemory(pid: number): ProcessMemory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
    return { pid, command, rssKb: field("VmRSS"), hwmKb: field("VmHWM") };
  } catch {
    return null;
  }
}

/**
 * Samples the app's memory while the bench runs. "The app" is the `next-server` process and
 * anything below it, not the `npm exec`/`sh` wrappers npx puts above it (they are reported
 * separately in the JSON).
 */
export class MemorySampler {
  private timer: NodeJS.Timeout | undefined;
  peakAppRssKb = 0;
  peakWrapperRssKb = 0;
  appHwmKb = 0;
  serverPid: number | null = null;

  constructor(private readonly root: number) {}

  start(intervalMs = 200) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample() {
    const tree = processTree(this.root)
      .map(processMemory)
      .filter((m): m is ProcessMemory => m !== null);
    const server = tree.find((m) => m.command.startsWith("next-server"));
    if (!server) return;
    this.serverPid = server.pid;
    const app = processTree(server.pid)
      .map(processMemory)
      .filter((m): m is ProcessMemory => m !== null);
    const appPids = new Set(app.map((m) => m.pid));
    const appRss = app.reduce((sum, m) => sum + m.rssKb, 0);
    const wrappers = tree.filter((m) => !appPids.has(m.pid)).reduce((sum, m) => sum + m.rssKb, 0);
    this.peakAppRssKb = Math.max(this.peakAppRssKb, appRss);
    this.peakWrapperRssKb = Math.max(this.peakWrapperRssKb, wrappers);
    // VmHWM is the kernel's own peak per process: it catches spikes between two samples.
    this.appHwmKb = Math.max(
      this.appHwmKb,
      app.reduce((sum, m) => sum + m.hwmKb, 0),
    );
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }
}
