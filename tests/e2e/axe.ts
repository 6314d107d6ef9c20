import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { tooWide } from "./layout";

/** The axe rule sets the accessibility specs hold every page to: WCAG 2.0–2.2, A and AA. */
export const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export const WIDTHS = [
  { name: "desktop", viewport: { width: 1280, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

/**
 * Loads `path` (it must answer below 400) and lists axe's violations on it, with up to three
 * elements each; with `fits`, first whether the page scrolls sideways (one load for both checks).
 */
export async function violations(page: Page, path: string, { fits = false } = {}): Promise<string[]> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const wide = fits ? await tooWide(page, path) : null;
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = results.violations.map(
    (violation) =>
      `${path} ${violation.id}: ${violation.nodes
        .map((node) => node.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  return wide ? [wide, ...found] : found;
}
