import { randomBytes } from "node:crypto";
import http from "node:http";
import { log } from "../log";
import { COMMON_HEADERS, NO_FRAMING, RESOURCE_CSP, requestIdFrom } from "../security/headers";
import { refuseRawRequest } from "./refuse-raw-request";

/**
 * Hooks into the Node server before Next.js sees a request (installed once from instrumentation.ts).
 *
 * The peer address: Next.js keeps a client-sent X-Forwarded-For and drops the socket's address,
 * so the server records the peer itself, under a header name chosen at random per process: a
 * client cannot send it, and code that reads it knows the value came from the socket.
 *
 * Refusals: requests Next.js would answer with a bare 500 get our usual 400/413/415 JSON instead.
 */
const KEY = Symbol.for("summit-tracker.peer-address-header");
const registry = globalThis as unknown as Record<symbol, string | undefined>;

export function peerAddressHeader(): string | undefined {
  return registry[KEY];
}

function refuse(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  const refusal = refuseRawRequest(request);
  if (!refusal) return false;
  const header = request.headers["x-request-id"];
  const requestId = requestIdFrom(typeof header === "string" ? header : null);
  log("warn", "request.refused", { requestId, method: request.method, url: (request.url ?? "").slice(0, 300), reason: refusal.reason });
  request.resume();
  response.writeHead(refusal.status, {
    ...Object.fromEntries([...COMMON_HEADERS, NO_FRAMING].map(({ key, value }) => [key, value])),
    "Content-Security-Policy": RESOURCE_CSP,
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "x-request-id": requestId,
    Connection: "close",
  });
  response.end(JSON.stringify({ error: refusal.error, details: [], requestId }));
  return true;
}

export function installServerHooks(): void {
  if (registry[KEY]) return;
  const name = `x-peer-${randomBytes(12).toString("hex")}`;
  registry[KEY] = name;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      request.headers[name] = request.socket?.remoteAddress ?? "";
      if (refuse(request, response)) return true;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
