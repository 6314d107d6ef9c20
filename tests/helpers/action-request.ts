import { vi } from "vitest";

/**
 * Stand-ins for next/headers and next/cache when a test calls server actions directly: each call
 * runs as the account whose session token `actionSession.token` holds, as a POST with that cookie
 * would. vi.mock factories are hoisted, so they load these lazily:
 * `vi.mock("next/headers", async () => (await import("../helpers/action-request")).nextHeaders("request-id"))`.
 * Nothing else is imported here, so a factory can load it before the modules it mocks.
 */
export const actionSession: { token?: string } = {};

export function nextHeaders(requestId: string) {
  return {
    cookies: async () => ({ get: (name: string) => (name === "tracker_session" && actionSession.token ? { name, value: actionSession.token } : undefined) }),
    headers: async () => new Headers({ host: "localhost:3000", "x-request-id": requestId }),
  };
}

export function nextCache() {
  return { revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: (fn: unknown) => fn };
}
