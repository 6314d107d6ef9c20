import { randomBytes } from "node:crypto";
import http from "node:http";
import { log } from "../log";
import { COMMON_HEADERS, NO_FRAMING, RESOURCE_CSP, requestIdFrom } from "../security/headers";
import { needsMultipartCheck, type Refusal, refuseMultipartBody, refuseRawRequest } from "./refuse-raw-request";

/**
 * Hooks into the Node server before Next.js sees a request (installed once from instrumentation.ts).
 *
 * The peer address: Next.js keeps a client-sent X-Forwarded-For and drops the socket's address,
 * so the server records the peer itself, under a header name chosen at random per process: a
 * client cannot send it, and code that reads it knows the value came from the socket.
 *
 * Refusals: requests Next.js would answer with a bare 500 get our usual 400/411/413/415 JSON instead.
 * A multipart server-action body (at most 1 MB, checked first) is read here and its framing
 * checked; Next.js then reads a replay of the same bytes.
 */
const KEY = Symbol.for("summit-tracker.peer-address-header");
const registry = globalThis as unknown as Record<symbol, string | undefined>;

export function peerAddressHeader(): string | undefined {
  return registry[KEY];
}

function refuse(request: http.IncomingMessage, response: http.ServerResponse, refusal: Refusal): void {
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
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
    request.on("aborted", () => reject(new Error("aborted")));
  });
}

/** A fresh request on the same socket, with the same head, whose body is the bytes already read. */
function replay(request: http.IncomingMessage, body: Buffer): http.IncomingMessage {
  const copy = new http.IncomingMessage(request.socket);
  copy.method = request.method;
  copy.url = request.url;
  copy.headers = request.headers;
  copy.rawHeaders = request.rawHeaders;
  copy.httpVersion = request.httpVersion;
  copy.httpVersionMajor = request.httpVersionMajor;
  copy.httpVersionMinor = request.httpVersionMinor;
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
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
      const refusal = refuseRawRequest(request);
      if (refusal) {
        refuse(request, response, refusal);
        return true;
      }
      if (needsMultipartCheck(request)) {
        readBody(request).then(
          (body) => {
            const broken = refuseMultipartBody(String(request.headers["content-type"]), body);
            if (broken) refuse(request, response, broken);
            else emit.apply(this, [event, replay(request, body), response] as unknown as Parameters<typeof emit>);
          },
          // The client went away before sending its whole body: nobody is left to answer.
          () => request.socket?.destroy(),
        );
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
