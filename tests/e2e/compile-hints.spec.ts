import { expect, test } from "./fixtures";

/**
 * The build marks every browser chunk with V8's compile hint as its first line (decision 055), the
 * ones a page loads at once and the ones it loads on use, and the marked scripts still run.
 */

test("every script a page loads, at once or on use, starts with the compile hint and still runs", async ({ page }) => {
  const scripts = new Map<string, Promise<string>>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.set(response.url(), response.text());
  });
  await page.goto("/en/initiatives/ai-declaration");
  await page.waitForLoadState("networkidle");
  const atLoad = scripts.size;
  // The follow form's own chunk arrives when the reader uses the form (decision 049).
  await page.getByTestId("follow-form").getByLabel("E-mail").focus();
  await expect.poll(() => scripts.size).toBeGreaterThan(atLoad);
  await page.getByTestId("follow-form").getByRole("button", { name: "Follow" }).click();
  await expect(page.getByTestId("follow-form").getByText("This field is required.")).toBeVisible();

  expect(atLoad).toBeGreaterThan(3);
  for (const [url, body] of scripts) {
    expect(url).toContain("/_next/static/chunks/");
    expect((await body).startsWith("//# allFunctionsCalledOnLoad\n"), url).toBe(true);
  }
});
