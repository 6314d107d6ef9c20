import { describe, expect, it, vi } from "vitest";

// What cachedRead hands Next's data cache: the key parts and tags of each entry.
const calls: { keyParts: readonly string[] | undefined; tags: readonly string[] | undefined }[] = [];
vi.mock("next/cache", () => ({
  updateTag: vi.fn(),
  unstable_cache:
    (compute: (...args: unknown[]) => Promise<unknown>, keyParts?: string[], options?: { tags?: string[] }) =>
    (...args: unknown[]) => {
      calls.push({ keyParts, tags: options?.tags });
      return compute(...args);
    },
}));

async function keysOfAFreshProcess(): Promise<(typeof calls)[number]> {
  vi.resetModules();
  calls.length = 0;
  const { cachedRead } = await import("../../lib/cache/cached");
  const read = cachedRead(
    "initiative-page",
    (args: [string]) => [`initiative:${args[0]}`],
    async (slug: string) => ({ slug }),
  );
  expect(await read("water")).toEqual({ slug: "water" });
  return calls[0]!;
}

describe("data cache keys", () => {
  it("hold only the read's name, no process or boot id, so entries in Redis outlive a restart (issue 11)", async () => {
    const first = await keysOfAFreshProcess();
    const second = await keysOfAFreshProcess();
    expect(first.keyParts).toEqual(["initiative-page"]);
    expect(second).toEqual(first);
    expect(first.tags).toEqual(["tracker-data", "initiative:water"]);
  });
});
