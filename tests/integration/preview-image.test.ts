import { afterEach, describe, expect, it, vi } from "vitest";
import { initiativePreview } from "../../lib/embeds/preview-image";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("initiative preview images", () => {
  it("render Russian and English titles as a PNG from local fonts, without touching the network", async () => {
    // The renderer loads its own WebAssembly from a data: URL; anything else would be the network.
    const realFetch = globalThis.fetch;
    const network: string[] = [];
    vi.stubGlobal("fetch", (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.startsWith("data:")) return realFetch(input, init);
      network.push(url);
      return Promise.reject(new Error("no network in this test"));
    });
    for (const title of [
      "Декларация об ответственном использовании искусственного интеллекта «ИИ» — 2026",
      "Rare-earth research centre: “Central Asia” – 20 bn",
    ]) {
      const response = await initiativePreview({ site: "Трекер", title, status: "in_progress", statusLabel: "В процессе", stageLine: "Стадия: неизвестно" });
      const png = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(1200);
      expect(png.readUInt32BE(20)).toBe(630);
    }
    expect(network).toEqual([]);
  });
});
