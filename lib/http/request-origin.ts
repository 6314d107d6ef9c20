/**
 * The origin links are built on: the request's, or the proxy's when it sends X-Forwarded-Host /
 * X-Forwarded-Proto (first value of each; anything that is not a plain host[:port] or http(s) is ignored).
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const first = (name: string) => request.headers.get(name)?.split(",")[0]?.trim() || null;
  const forwardedHost = first("x-forwarded-host");
  const forwardedProto = first("x-forwarded-proto")?.toLowerCase() ?? null;
  const protocol = forwardedProto === "http" || forwardedProto === "https" ? forwardedProto : url.protocol.slice(0, -1);
  const host = forwardedHost && /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(forwardedHost) ? forwardedHost : url.host;
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return url.origin;
  }
}
