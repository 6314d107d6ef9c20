import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";

import { E2E_DATABASE_URL } from "./database";

export { E2E_DATABASE_URL };

export interface Account {
  email: string;
  password: string;
  name: string;
}

/** Creates an account the way an operator would: the CLI, with the password on stdin. */
export function createAccount(role: "admin" | "editor", name = `E2E ${role}`): Account {
  const account = { email: `${role}-${randomUUID().slice(0, 8)}@example.test`, password: `pw-${randomUUID()}`, name };
  const result = spawnSync("npx", ["tsx", "scripts/cli/user-create.ts", "--email", account.email, "--role", role, "--name", name], {
    input: `${account.password}\n`,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
  });
  if (result.status !== 0) throw new Error(`user:create failed: ${result.stderr}`);
  return account;
}

export async function signIn(page: Page, account: Pick<Account, "email" | "password">, locale: "ru" | "en" = "en") {
  await page.goto(locale === "en" ? "/en/sign-in" : "/sign-in");
  await page.getByLabel(locale === "en" ? "E-mail" : "Электронная почта").fill(account.email);
  await page.getByLabel(locale === "en" ? "Password" : "Пароль").fill(account.password);
  await page.getByRole("button", { name: locale === "en" ? "Sign in" : "Войти" }).click();
  await expect(page).toHaveURL(/\/editor$/);
}

export const test = base.extend<{ admin: Account }>({
  admin: async ({}, use) => {
    await use(createAccount("admin", "E2E Admin"));
  },
});

export { expect };
