import { randomBytes } from "node:crypto";
import http from "node:http";

/**
 * Next.js keeps a client-sent X-Forwarded-For and drops the socket's address, so the server
 * records the peer of every request itself, under a header name chosen at random per process:
 * a client cannot send it, and code that reads it knows the value came from the socket.
 */
const KEY = Symbol.for("summit-tracker.peer-address-header");
const registry = globalThis as unknown as Record<symbol, string | undefined>;

export function peerAddressHeader(): string | undefined {
  return registry[KEY];
}

/** Called once from instrumentation.ts, before the server handles requests. */
export function recordPeerAddresses(): void {
  if (registry[KEY]) return;
  const name = `x-peer-${randomBytes(12).toString("hex")}`;
  registry[KEY] = name;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[name] = request.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
