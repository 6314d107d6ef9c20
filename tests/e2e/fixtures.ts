import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { createSession, SESSION_COOKIE } from "../../lib/auth/sessions";
import { createUser } from "../../lib/users/manage-users";
import { E2E_DATABASE_URL, e2eDatabase } from "./database";

export { E2E_DATABASE_URL };

export interface Account {
  email: string;
  password: string;
  name: string;
  id: number;
}

/** The browser tests' database: the one client per worker that tests/e2e/database.ts opens. */
const database = e2eDatabase;

/**
 * Creates an account with the app's own createUser, straight into the database the server uses
 * (no CLI process per account). The CLI itself is tested by tests/integration/auth.test.ts.
 */
export async function createAccount(role: "admin" | "editor", name = `E2E ${role}`): Promise<Account> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const password = `pw-${randomUUID()}`;
  const user = await createUser(database(), { email, displayName: name, role, password });
  return { email, password, name, id: user.id };
}

/**
 * Signs the browser context in without the sign-in form, as Epic Stack's `login` fixture does: a
 * session made by lib/auth/sessions.ts and its cookie. Tests about signing in use signIn() instead.
 */
export async function logIn(page: Page, account: Pick<Account, "id">): Promise<void> {
  const { token, expiresAt } = await createSession(database(), account.id);
  await page
    .context()
    .addCookies([
      { name: SESSION_COOKIE, value: token, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax", expires: Math.floor(expiresAt.getTime() / 1000) },
    ]);
  // Where signIn() lands, so either may start a test.
  await page.goto("/en/editor");
  await expect(page).toHaveURL(/\/editor$/);
}

/** Signs in through the form, as a person does. */
export async function signIn(page: Page, account: Pick<Account, "email" | "password">, locale: "ru" | "en" = "en") {
  await page.goto(locale === "en" ? "/en/sign-in" : "/sign-in");
  await page.getByLabel(locale === "en" ? "E-mail" : "Электронная почта").fill(account.email);
  await page.getByLabel(locale === "en" ? "Password" : "Пароль").fill(account.password);
  await page.getByRole("button", { name: locale === "en" ? "Sign in" : "Войти" }).click();
  await expect(page).toHaveURL(/\/editor$/);
}

export const test = base.extend<{ admin: Account }>({
  admin: async ({}, use) => {
    await use(await createAccount("admin", "E2E Admin"));
  },
});

export { expect };
