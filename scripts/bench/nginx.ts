import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startGroup, waitForHttp, type Group } from "./processes";

/**
 * nginx for the bench: the ceiling (a static copy of the dashboard HTML) and, with
 * --through-nginx, a copy of deploy/nginx.conf in front of the app. Both run in the foreground
 * (`daemon off`) from a temporary prefix, so nothing under /etc, /run or /var is touched.
 */

const CANDIDATES = ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"];

function findNginx(): string | null {
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
  const which = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/** The nginx binary; installs Debian's package when missing and we are root with apt-get. */
export function ensureNginx(log: (line: string) => void): string | null {
  const found = findNginx();
  if (found) return found;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = spawnSync("sh", ["-c", "command -v apt-get"], { encoding: "utf8" }).status === 0;
  if (!root || !apt) {
    log(`nginx is missing (${root ? "no apt-get here" : "not root"}): install it, e.g. \`sudo apt-get install -y nginx\`; the nginx rows are skipped.`);
    return null;
  }
  log("nginx is missing: apt-get install -y nginx …");
  // The package may also start its own service on port 80; that does not matter to the bench.
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let install = spawnSync("apt-get", ["install", "-y", "nginx"], { stdio: "inherit", env });
  if (install.status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    install = spawnSync("apt-get", ["install", "-y", "nginx"], { stdio: "inherit", env });
  }
  const after = findNginx();
  if (!after) log("nginx could not be installed; the nginx rows are skipped.");
  return after;
}

/** Paths every nginx needs writable; pointed into the temp prefix. */
function tempPaths(dir: string): string {
  return ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `    ${name}_temp_path ${path.join(dir, `${name}_temp`)};`).join("\n");
}

async function run(binary: string, dir: string, config: string, url: string, name: string): Promise<Group> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "nginx.conf");
  writeFileSync(file, config);
  const errorLog = path.join(dir, "error.log");
  const test = spawnSync(binary, ["-t", "-p", dir, "-c", file, "-e", errorLog], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx rejected ${file}:\n${test.stderr}`);
  const group = startGroup(name, binary, ["-p", dir, "-c", file, "-e", errorLog], process.env);
  await waitForHttp(url, 10_000, group);
  return group;
}

/** nginx serving files (name → body) from disk, each at /<name>: the ceilings the app is compared with. */
export async function startStaticNginx(binary: string, dir: string, port: number, files: Record<string, string>): Promise<Group> {
  mkdirSync(path.join(dir, "html"), { recursive: true });
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, "html", name), body);
  // One worker: the app is one Node process, and the load tool needs the other core.
  const config = `daemon off;
worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 1024; }
http {
${tempPaths(dir)}
    access_log off;
    sendfile on;
    server {
        listen 127.0.0.1:${port};
        server_name localhost;
        root ${path.join(dir, "html")};
        default_type "text/html; charset=utf-8";
        location / {
            try_files $uri =404;
        }
    }
}
`;
  const first = Object.keys(files)[0] ?? "";
  return run(binary, dir, config, `http://localhost:${port}/${first}`, "nginx (static)");
}

/**
 * deploy/nginx.conf with the bench's ports and paths. Each replaced line must be found, so an
 * edit to the production file that the bench no longer understands fails loudly.
 */
export function benchCopyOfDeployConfig(source: string, dir: string, port: number, appPort: number, frontSecret: string): string {
  let config = source;
  const replace = (pattern: RegExp, replacement: string | ((match: string, ...groups: string[]) => string), what: string) => {
    if (!pattern.test(config)) throw new Error(`deploy/nginx.conf: cannot find ${what} (${pattern}) to adapt for the bench`);
    pattern.lastIndex = 0;
    config = config.replace(pattern, replacement as (match: string, ...groups: string[]) => string);
  };
  replace(/^user\s+[^;]+;.*$/m, "# user: the bench runs nginx as the invoking user", "the user line");
  replace(/^worker_processes\s+[^;]+;.*$/m, "daemon off;\nworker_processes 1;", "worker_processes");
  replace(/^pid\s+[^;]+;.*$/m, `pid ${path.join(dir, "nginx.pid")};`, "pid");
  replace(/^error_log\s+[^;]+;.*$/m, `error_log ${path.join(dir, "error.log")} warn;`, "error_log");
  replace(/^(\s*)access_log\s+\S+\s+tracker;.*$/m, `$1access_log ${path.join(dir, "access.log")} tracker;`, "access_log");
  // Every cache (pages, build files) in a folder of its own under the temp dir.
  replace(
    /^(\s*)proxy_cache_path\s+\S+(?=.*keys_zone=(\w+))/gm,
    (_, indent: string, zone: string) => `${indent}proxy_cache_path ${path.join(dir, `cache-${zone}`)}`,
    "proxy_cache_path",
  );
  replace(/^(\s*)server\s+localhost:3000;.*$/m, `$1server localhost:${appPort};`, "the upstream server");
  replace(/^(\s*)default\s+"[^"]*";\s+# bench: its own secret$/m, `$1default "${frontSecret}";`, "the front secret");
  replace(/^(\s*)listen\s+80;.*$/m, `$1listen 127.0.0.1:${port};`, "listen 80");
  replace(/^\s*listen\s+\[::\]:80;.*\n/m, "", "listen [::]:80");
  replace(/^http\s*\{\s*$/m, `http {\n${tempPaths(dir)}`, "the http block");
  if (!existsSync("/etc/nginx/mime.types"))
    config = config.replace(/^\s*include\s+\/etc\/nginx\/mime\.types;.*$/m, "    types { text/html html; application/javascript js; text/css css; }");
  return config;
}

/** The app (started with FRONT_SECRET=frontSecret) behind a copy of deploy/nginx.conf. */
export async function startProxyNginx(binary: string, dir: string, port: number, appPort: number, frontSecret: string): Promise<Group> {
  const source = readFileSync(path.resolve("deploy", "nginx.conf"), "utf8");
  return run(binary, dir, benchCopyOfDeployConfig(source, dir, port, appPort, frontSecret), `http://localhost:${port}/api/health`, "nginx (proxy)");
}
