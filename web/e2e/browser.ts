/**
 * Shared Playwright settings: Debian's Chromium (`apt-get install chromium`), never a downloaded
 * browser, and helpers every spec uses (screenshots, the axe scan).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumLaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
  ],
};

export const SCREENSHOT_DIR = fileURLToPath(new URL("./screenshots/", import.meta.url));

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: false });
}

/** Fails on any serious or critical axe-core violation, listing them by rule and element. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    // Monaco's own DOM (a third-party widget) is checked by its authors; our label on it is checked below.
    .exclude(".monaco-editor")
    .analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const described = serious.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(described, `axe violations on ${label}`).toEqual([]);
}

async function clearEditor(page: Page): Promise<void> {
  const editor = page.locator(".monaco-editor").first();
  await editor.waitFor({ state: "visible", timeout: 30_000 });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
}

/**
 * Replaces the editor's content by typing key by key, as a person does: Monaco's own auto-indent
 * and bracket closing apply, so write lines without the indentation the editor adds itself.
 */
export async function typeInEditor(page: Page, keystrokes: string): Promise<void> {
  await clearEditor(page);
  await page.keyboard.type(keystrokes, { delay: 5 });
}

/** Replaces the editor's content with a paste (a real clipboard event), kept exactly as given. */
export async function pasteIntoEditor(page: Page, code: string): Promise<void> {
  await clearEditor(page);
  await page.locator(".monaco-editor textarea").first().evaluate((textarea, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    textarea.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
}

/** Forces light or dark before the page's own script runs. */
export async function useTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.addInitScript((value) => localStorage.setItem("mockmind:theme", value), theme);
}
