import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { joinPage, pageBody } from "../../lib/cache/html-cache";
import { scriptsAfterFirstPaint } from "../../lib/cache/scripts-after-first-paint";
import { NONCE_PLACEHOLDER } from "../../lib/security/front";

const N = NONCE_PLACEHOLDER;
// The shape of a page as Next 16 writes it (a real build's head, shortened).
const PAGE =
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>` +
  `<link rel="stylesheet" href="/_next/static/chunks/3jkqz2ax_wrrk.css" nonce="${N}" data-precedence="next"/>` +
  `<script src="/_next/static/chunks/3jua5gvtt1jpt.js" async="" nonce="${N}"></script>` +
  `<script src="/_next/static/chunks/turbopack-077hmtqrhcoji.js" async="" nonce="${N}"></script>` +
  `<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule="" nonce="${N}"></script>` +
  `<title>Tracker</title></head><body><main>Text</main>` +
  `<script nonce="${N}">self.__next_f.push([1,"x"])</script></body></html>`;

/** Runs the page's loader as a browser would, with the given visibility, and returns what it added. */
function runLoader(html: string, visibilityState: "visible" | "hidden") {
  const loader = [...html.matchAll(/<script nonce="[^"]+">(\(function\(s\)[\s\S]*?)<\/script>/g)].map((match) => match[1]!);
  expect(loader).toHaveLength(1);
  const added: { src: string; async: boolean }[] = [];
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  runInNewContext(loader[0]!, {
    document: { visibilityState, createElement: () => ({}), head: { appendChild: (element: { src: string; async: boolean }) => added.push(element) } },
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    setTimeout: (callback: () => void) => timers.push(callback),
  });
  return { added, frames, timers };
}

describe("a shared page's scripts after its first paint", () => {
  it("takes Next's chunk scripts out of the head and loads them, in order, from the end of the body after the first frame", () => {
    const html = scriptsAfterFirstPaint(PAGE);
    expect(html).not.toContain(`<script src="/_next/static/chunks/3jua5gvtt1jpt.js"`);
    expect(html).not.toContain(`<script src="/_next/static/chunks/turbopack-077hmtqrhcoji.js"`);
    // The module-less browsers' polyfills, the stylesheet and the inline payload stay where they were.
    expect(html).toContain(`<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule="" nonce="${N}"></script><title>`);
    expect(html).toContain(`<link rel="stylesheet" href="/_next/static/chunks/3jkqz2ax_wrrk.css"`);
    expect(html).toMatch(/<script nonce="[^"]+">self\.__next_f\.push\(\[1,"x"\]\)<\/script><script nonce="TrackerFrontNoncePlaceholder0000">\(function\(s\)/);
    expect(html.endsWith("</script></body></html>")).toBe(true);

    const { added, frames, timers } = runLoader(html, "visible");
    expect(added).toEqual([]);
    frames.shift()!();
    expect(added).toEqual([]);
    timers.shift()!();
    expect(added).toEqual([
      { src: "/_next/static/chunks/3jua5gvtt1jpt.js", async: true },
      { src: "/_next/static/chunks/turbopack-077hmtqrhcoji.js", async: true },
    ]);
  });

  it("loads them at once in a hidden tab, which draws no frame", () => {
    const { added, frames } = runLoader(scriptsAfterFirstPaint(PAGE), "hidden");
    expect(frames).toEqual([]);
    expect(added.map((element) => element.src)).toEqual(["/_next/static/chunks/3jua5gvtt1jpt.js", "/_next/static/chunks/turbopack-077hmtqrhcoji.js"]);
  });

  it("leaves a page alone when it has no chunk script, no end of body, or scripts under more than one nonce", () => {
    const plain = `<html><head></head><body><p>Feed</p></body></html>`;
    expect(scriptsAfterFirstPaint(plain)).toBe(plain);
    const unfinished = PAGE.replace("</body></html>", "");
    expect(scriptsAfterFirstPaint(unfinished)).toBe(unfinished);
    const mixed = PAGE.replace(`turbopack-077hmtqrhcoji.js" async="" nonce="${N}"`, `turbopack-077hmtqrhcoji.js" async="" nonce="other"`);
    expect(scriptsAfterFirstPaint(mixed)).toBe(mixed);
  });

  it("is what the HTML cache keeps of a page, with each response's nonce joined in, and not of other text", () => {
    const kept = joinPage(pageBody(Buffer.from(PAGE), "text/html; charset=utf-8"), "fresh", "r").toString();
    expect(kept).toContain(`<script nonce="fresh">(function(s)`);
    expect(kept).not.toContain(`async="" nonce="fresh"`);
    const feed = joinPage(pageBody(Buffer.from(PAGE), "text/plain"), "fresh", "r").toString();
    expect(feed).toContain(`<script src="/_next/static/chunks/3jua5gvtt1jpt.js" async="" nonce="fresh"></script>`);
  });
});
