import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MULTI } from "./playwright.config";

/** Starts nginx with deploy/nginx-multi.conf (its "multi:" lines pointed at this run's ports and paths). */
export default async function nginxSetup() {
  const dir = mkdtempSync(path.join(tmpdir(), "tracker-nginx-multi-"));
  for (const sub of ["body", "proxy"]) mkdirSync(path.join(dir, sub));
  const lines = readFileSync(path.join(process.cwd(), "deploy", "nginx-multi.conf"), "utf8").split("\n");
  const ports = [MULTI.a, MULTI.b];
  const config = lines
    .map((line) => {
      if (!line.includes("# multi:")) return line;
      const code = line.slice(0, line.indexOf("#")).trimEnd();
      if (code.startsWith("pid")) return `pid ${dir}/nginx.pid;`;
      if (code.startsWith("error_log")) return `error_log ${dir}/error.log warn;`;
      if (code.trimStart().startsWith("client_body_temp_path")) return `  client_body_temp_path ${dir}/body;`;
      if (code.trimStart().startsWith("proxy_temp_path")) return `  proxy_temp_path ${dir}/proxy;`;
      if (code.trimStart().startsWith("server 127.0.0.1")) return `    server 127.0.0.1:${ports.shift()};`;
      if (code.trimStart().startsWith("listen")) return `    listen 127.0.0.1:${MULTI.nginx};`;
      return code;
    })
    .join("\n");
  const file = path.join(dir, "nginx.conf");
  writeFileSync(file, config);
  const started = spawnSync("nginx", ["-c", file, "-p", dir], { encoding: "utf8" });
  if (started.status !== 0) throw new Error(`nginx did not start: ${started.stderr}`);
  return () => {
    spawnSync("nginx", ["-c", file, "-p", dir, "-s", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  };
}
