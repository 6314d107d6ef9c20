import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * The follow and suggestion forms are the server's HTML until the reader uses them (decision 049):
 * not hydrated after the page has loaded, hydrated once touched, opened or focused, and then they
 * check in the browser instead of posting the page.
 */

/** Whether React has hydrated the element (it keeps its fiber on the DOM node). */
function hydrated(element: Locator) {
  return element.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactFiber")));
}

test("the follow and suggestion forms load their script when the reader uses them, then check in the browser", async ({ page }) => {
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(`${request.method()} ${request.url()}`);
  });
  await page.goto("/en/initiatives/ai-declaration");
  await page.waitForLoadState("networkidle");
  const follow = page.getByTestId("follow-form");
  const suggest = page.getByTestId("suggest-form");
  // The page itself is hydrated (its header's language switch), its two forms are not.
  expect(await hydrated(page.locator("header a").first())).toBe(true);
  expect(await hydrated(follow)).toBe(false);
  expect(await hydrated(suggest)).toBe(false);

  await page.getByText("Suggest an update or a correction").click();
  await expect.poll(() => hydrated(suggest)).toBe(true);
  await suggest.getByLabel("What should change, and why").fill("Short");
  await suggest.getByRole("button", { name: "Send the suggestion" }).click();
  await expect(suggest.getByText("Write at least 10 characters.")).toBeVisible();
  await expect(suggest.getByLabel("What should change, and why")).toBeFocused();

  await follow.getByLabel("E-mail").focus();
  await expect.poll(() => hydrated(follow)).toBe(true);
  await follow.getByRole("button", { name: "Follow" }).click();
  await expect(follow.getByText("This field is required.")).toBeVisible();
  await expect(follow.getByLabel("E-mail")).toBeFocused();
  expect(documents).toEqual([expect.stringMatching(/^GET .*\/en\/initiatives\/ai-declaration$/)]);
});
