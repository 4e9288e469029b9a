/**
 * Shared Playwright settings: Debian's Chromium (`apt-get install chromium`), never a downloaded
 * browser, and helpers every spec uses (screenshots, the axe scan).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";
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
  // The editor is included: it is where the candidate spends the interview.
  const results = await new AxeBuilder({ page }).analyze();
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

/** A new browser context (its own storage: another device, as far as the page can tell) and a page in it. */
export async function freshPage(browser: Browser, baseURL: string | undefined, width = 1440, height = 900) {
  const context = await browser.newContext({ viewport: { width, height }, baseURL });
  return { context, page: await context.newPage() };
}

/**
 * Media elements "play" without an audio device: each `play()` records its source and ends shortly
 * after, so the page moves on as if the sound had played. Read what played with `playedSources`.
 */
export async function fakeAudioPlayback(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const played: string[] = [];
    (window as unknown as { __played: string[] }).__played = played;
    HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
      played.push(this.src);
      setTimeout(() => this.dispatchEvent(new Event("ended")), 20);
      return Promise.resolve();
    };
  });
}

/** The sources the page has played so far, in order (needs `fakeAudioPlayback`). */
export function playedSources(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __played: string[] }).__played);
}
