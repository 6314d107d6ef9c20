import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT } from "../../scripts/cli/add-compile-hints";

describe("addCompileHints", () => {
  let dist: string;
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  function buildWith(files: Record<string, string>) {
    dist = mkdtempSync(path.join(tmpdir(), "compile-hints-"));
    mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dist, "static", "chunks", name), content);
  }
  const read = (name: string) => readFileSync(path.join(dist, "static", "chunks", name), "utf8");

  it("puts the hint on the first line of every script chunk and leaves the code after it as it was", () => {
    buildWith({ "a.js": "(globalThis.TURBOPACK||[]).push([1]);", "b.js": "let x=1;\n//# sourceMappingURL=b.js.map", "c.css": "body{}" });
    expect(addCompileHints(dist)).toBe(2);
    expect(read("a.js")).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||[]).push([1]);`);
    expect(read("b.js").split("\n")[0]).toBe("//# allFunctionsCalledOnLoad");
    expect(read("b.js").slice(COMPILE_HINT.length)).toBe("let x=1;\n//# sourceMappingURL=b.js.map");
    expect(read("c.css")).toBe("body{}");
  });

  it("marks a chunk once, however often it runs", () => {
    buildWith({ "a.js": "f();" });
    addCompileHints(dist);
    expect(addCompileHints(dist)).toBe(0);
    expect(read("a.js")).toBe(`${COMPILE_HINT}f();`);
  });
});
