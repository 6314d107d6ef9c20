import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** How far the page scrolls sideways, and the elements that stick out (to say what to fix). */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const scroller = document.scrollingElement!;
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 1 || !element.checkVisibility()) return false;
        // Inside a box that scrolls sideways on its own, an element does not widen the page.
        for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
          if (["auto", "scroll", "hidden"].includes(getComputedStyle(parent).overflowX)) return false;
        }
        return true;
      })
      .slice(0, 3)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 3).join(".")} right=${Math.round(element.getBoundingClientRect().right)}`,
      );
    return { scrollWidth: scroller.scrollWidth, width, wide };
  });
}

/** On the page as loaded: null when it does not scroll sideways, else what sticks out. */
export async function tooWide(page: Page, path: string): Promise<string | null> {
  const measured = await overflow(page);
  return measured.scrollWidth <= measured.width ? null : `${path} is ${measured.scrollWidth} px wide: ${measured.wide.join("; ")}`;
}

/** Loads `path` (it must answer below 400): it fits the viewport's width. */
export async function expectFits(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  expect(await tooWide(page, path)).toBeNull();
}
