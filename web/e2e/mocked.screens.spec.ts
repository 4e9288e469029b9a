/**
 * The candidate's screens at three widths (issue 18): a desktop, a tablet or half-screen window, and
 * a phone. The whole interview at each, Finish tapped on the phone, a screenshot of each room state
 * (under e2e/screenshots/, not in git), axe on every page with the editor included; then the report
 * that waits for the final feedback, and the candidate-caused errors.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, pasteIntoEditor, screenshot } from "./browser";
import { CORRECT_SOLUTION, installMockGateway, SESSION_ID } from "./mock-gateway";

const WIDTHS = [
  { name: "desktop", width: 1440, height: 900, narrow: false },
  { name: "tablet", width: 768, height: 1024, narrow: true },
  { name: "phone", width: 390, height: 844, narrow: true },
] as const;

/** Nothing may stick out sideways: the page never scrolls horizontally (WCAG 1.4.10 reflow). */
async function expectNoSidewaysScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** The three panes never overlap each other (problem text running over the editor was the bug). */
async function expectPanesApart(page: Page) {
  const boxes = [];
  for (const id of ["pane-problem", "pane-code", "pane-chat"]) {
    const box = await page.locator(`#${id}`).boundingBox();
    if (box && box.width > 0 && box.height > 0) boxes.push({ id, ...box });
  }
  for (const a of boxes) {
    for (const b of boxes) {
      if (a.id >= b.id) continue;
      const apart = a.x + a.width <= b.x + 1 || b.x + b.width <= a.x + 1 || a.y + a.height <= b.y + 1 || b.y + b.height <= a.y + 1;
      expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
    }
  }
  return boxes.length;
}

/** The element at the centre of `selector` is that element (or inside it): nothing covers it. */
async function expectNotCovered(page: Page, testId: string) {
  const covered = await page.getByTestId(testId).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return !(top && (top === element || element.contains(top)));
  });
  expect(covered, `${testId} is covered by another element`).toBe(false);
}

async function showPane(page: Page, narrow: boolean, pane: "Problem" | "Code" | "Chat") {
  if (narrow) await page.getByRole("tab", { name: new RegExp(`^${pane}`) }).click();
}

for (const size of WIDTHS) {
  test.describe(`${size.name} ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, hasTouch: size.name === "phone" });

    test("the whole interview, landing to report", async ({ page }) => {
      test.setTimeout(480_000); // the shared test machine can be slow; the steps themselves are quick
      const gateway = await installMockGateway(page, { reportDelayMs: null });
      const tag = `${size.name}-${size.width}`;

      // Landing: the start form is on the first screen, even on a phone
      await page.goto("/");
      const start = page.getByRole("button", { name: "Start interview" });
      await expect(start).toBeVisible();
      const startBox = (await start.boundingBox())!;
      expect(startBox.y + startBox.height, "Start interview is more than two screens down").toBeLessThan(size.height * 2);
      const formTop = (await page.getByRole("region", { name: "New interview" }).boundingBox())!.y;
      expect(formTop, "the start form begins below the first screen").toBeLessThan(size.height);
      await expectNoSidewaysScroll(page, "landing");
      await expectAccessible(page, `landing ${tag}`);
      await screenshot(page, `screens-${tag}-landing`);
      await start.click();

      // Room, problem first
      await expect(page).toHaveURL(new RegExp(`/interview/\\?id=${SESSION_ID}`));
      await expect(page.getByRole("heading", { name: "Contains Duplicate", level: 2 })).toBeVisible();
      await expect(page.getByTestId("connection-status")).toHaveText("Live");
      await expect(page.getByTestId("problem-example")).toHaveCount(2); // each example once
      await expect(page.getByText("nums = [1, 2, 3, 1]")).toHaveCount(1);
      await expect(page.getByTestId("problem-statement").locator("sup").first()).toHaveText("5");
      await expectNoSidewaysScroll(page, "room");
      expect(await expectPanesApart(page)).toBe(size.narrow ? 1 : 3);
      await expectNotCovered(page, "finish-button");
      await expectAccessible(page, `room problem ${tag}`);
      await screenshot(page, `screens-${tag}-room-problem`);

      // Chat
      await showPane(page, size.narrow, "Chat");
      await page.getByLabel("Message the interviewer").fill("Can the array be empty?");
      await page.getByLabel("Message the interviewer").press("Enter");
      await expect(page.getByTestId("chat-candidate").first()).toContainText("Can the array be empty?");
      await expect(page.getByTestId("chat-interviewer").nth(1)).toContainText("talk me through it");
      await expectNoSidewaysScroll(page, "chat");
      await expectAccessible(page, `room chat ${tag}`);
      await screenshot(page, `screens-${tag}-room-chat`);

      // Hint, from the header (behind the menu below 1024 px)
      if (size.narrow) await page.getByTestId("header-menu-button").click();
      await page.getByRole("button", { name: /^Hint \(0 of 3 used\)/ }).click();
      await expect(page.getByRole("button", { name: /^Hint \(1 of 3 used\)/ })).toBeVisible();
      expect(gateway.received.filter((event) => event.type === "request_hint")).toHaveLength(1);
      if (size.narrow) {
        await expectAccessible(page, `room menu ${tag}`);
        await screenshot(page, `screens-${tag}-room-menu`);
        await page.keyboard.press("Escape");
        await expect(page.getByTestId("header-menu")).toBeHidden();
      }

      // Code: a timed-out run, then the right solution, run and submitted
      await showPane(page, size.narrow, "Code");
      await expect(page.locator(".monaco-editor").first()).toBeVisible({ timeout: 30_000 });
      await pasteIntoEditor(page, "def contains_duplicate(nums):\n    while True:\n        pass\n");
      await page.getByRole("button", { name: "Run", exact: true }).click();
      await expect(page.getByTestId("test-verdict").first()).toHaveText("Time limit exceeded (limit 2 s)");
      const timedOut = await page.getByRole("region", { name: "Test results list" }).innerText();
      expect(timedOut).not.toMatch(/<1 ms|0 KB|actual|null/);
      await screenshot(page, `screens-${tag}-room-timeout`);

      await pasteIntoEditor(page, CORRECT_SOLUTION);
      await page.getByRole("button", { name: "Run", exact: true }).click();
      await expect(page.getByTestId("run-summary")).toContainText("Accepted");
      await page.getByRole("button", { name: "Submit", exact: true }).click();
      await expect(page.getByTestId("run-summary")).toContainText("4/4 passed");
      await expectNoSidewaysScroll(page, "code");
      await expectAccessible(page, `room code ${tag}`);
      await screenshot(page, `screens-${tag}-room-code`);

      // Finish: tapped on the phone; the page sends end_interview, then shows the report as it comes
      const finish = page.getByTestId("finish-button");
      await expectNotCovered(page, "finish-button");
      if (size.name === "phone") await finish.tap();
      else await finish.click();
      await expect(page).toHaveURL(/\/report\/\?id=/);
      expect(gateway.received.filter((event) => event.type === "end_interview")).toHaveLength(1);
      await expect(page.getByTestId("report-preparing")).toBeVisible();
      await expectAccessible(page, `report preparing ${tag}`);
      await screenshot(page, `screens-${tag}-report-preparing`);
      gateway.finishReport();
      await expect(page.getByTestId("report")).toBeVisible();
      await expect(page.getByTestId("suggestions")).toContainText("Line 2");
      await expect(page.getByTestId("edge-case-categories")).toContainText("All equal");
      await expect(page.getByTestId("report-tests")).toContainText("Sample tests");
      await expect(page.getByTestId("report-phases")).toContainText("Coding");
      await expect(page.getByTestId("report-final-code")).toContainText("seen = set()");
      await expect(page.getByTestId("report-figures")).toContainText("1 of 3");
      await expect(page.getByTestId("report-speaking")).toContainText("Spoken answers");
      await expect(page.getByTestId("report-transcript")).not.toContainText("Action:");
      await expect(page.getByTestId("report-transcript")).not.toContainText("has joined");
      await expectNoSidewaysScroll(page, "report");
      await expectAccessible(page, `report ${tag}`);
      await screenshot(page, `screens-${tag}-report`);

      // The finished interview offers its report, not "Resume", and shows its result
      await page.getByRole("link", { name: "All sessions" }).click();
      const list = page.getByRole("list", { name: "Past sessions" });
      await expect(list.getByRole("link", { name: "View report" })).toBeVisible();
      await expect(list.getByRole("link", { name: "Resume" })).toHaveCount(0);
      await expect(list.getByTestId("session-outcome")).toContainText("Solved");
    });
  });
}

test.describe("the report", () => {
  test("the Markdown export downloads as a file, with the token in a header and never in the URL", async ({ page }) => {
    const gateway = await installMockGateway(page, { reportDelayMs: null });
    await page.goto("/");
    await page.getByRole("button", { name: "Start interview" }).click();
    await expect(page.getByTestId("connection-status")).toHaveText("Live");
    await page.getByTestId("finish-button").click();
    gateway.finishReport();
    await expect(page.getByTestId("report")).toBeVisible();
    const mdRequest = page.waitForRequest(/\/report\.md$/);
    const download = page.waitForEvent("download");
    await page.getByTestId("download-markdown").click();
    const request = await mdRequest;
    expect(request.headers()["authorization"]).toBe("Bearer mock-token");
    expect(request.url()).not.toContain("token");
    expect((await download).suggestedFilename()).toBe(`mockmind-report-${SESSION_ID}.md`);
  });

  test("Finish before the final report is ready: preparing, then the full report without a reload", async ({ page }) => {
    const gateway = await installMockGateway(page, { reportDelayMs: null });
    await page.goto("/");
    await page.getByRole("button", { name: "Start interview" }).click();
    await expect(page.getByRole("heading", { name: "Contains Duplicate", level: 2 })).toBeVisible();
    await pasteIntoEditor(page, CORRECT_SOLUTION);
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await expect(page.getByTestId("run-summary")).toContainText("4/4 passed");
    await page.getByTestId("finish-button").click();
    await expect(page.getByTestId("report-preparing")).toHaveText(/Preparing your report/);
    let loads = 0;
    page.on("load", () => (loads += 1));
    await page.waitForTimeout(3_000); // several polls, all 202
    await expect(page.getByTestId("report-preparing")).toBeVisible();
    gateway.finishReport();
    await expect(page.getByTestId("report")).toBeVisible();
    await expect(page.getByTestId("hire-signal")).toHaveText("Hire");
    expect(loads).toBe(0);
  });

  test("an unsolved interview shows its report", async ({ page }) => {
    const gateway = await installMockGateway(page, { reportDelayMs: null });
    await page.goto("/");
    await page.getByRole("button", { name: "Start interview" }).click();
    await expect(page.getByRole("heading", { name: "Contains Duplicate", level: 2 })).toBeVisible();
    await pasteIntoEditor(page, "def contains_duplicate(nums):\n    return False\n");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page.getByTestId("run-summary")).toContainText("Wrong answer");
    await page.getByTestId("finish-button").click();
    await expect(page.getByTestId("report-preparing")).toBeVisible();
    gateway.finishReport();
    await expect(page.getByTestId("report")).toBeVisible();
    await expect(page.getByTestId("hire-signal")).toHaveText("No hire");
    await expect(page.getByTestId("report-tests")).toContainText("2 of 6 tests pass");
    await expect(page.getByTestId("suggestions")).toContainText("must return a bool");
    await expect(page.getByTestId("report-final-code")).toContainText("return False");
    await expectAccessible(page, "unsolved report");
    await page.getByRole("link", { name: "All sessions" }).click();
    await expect(page.getByTestId("session-outcome")).toContainText("2/6 tests pass");
  });
});

test.describe("what a candidate can get wrong", () => {
  test("a message over 4,096 characters is held back with a counter, never sent, never a raw error", async ({ page }) => {
    const gateway = await installMockGateway(page);
    await page.goto("/");
    await page.getByRole("button", { name: "Start interview" }).click();
    await expect(page.getByRole("heading", { name: "Contains Duplicate", level: 2 })).toBeVisible();
    const box = page.getByLabel("Message the interviewer");
    await expect(page.getByTestId("chat-length")).toHaveText("0 / 4,096");
    await box.fill("x".repeat(20_000));
    await expect(page.getByTestId("chat-length")).toContainText("shorten your message by 15,904");
    await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();
    await box.press("Enter");
    await page.waitForTimeout(500);
    expect(gateway.received.filter((event) => event.type === "send_message")).toHaveLength(0);
    await expect(page.getByTestId("chat-candidate")).toHaveCount(0);
    await expect(page.getByText(/invalid_event|payload\.text/)).toHaveCount(0);
  });

  test("code over 64 KiB: the editor says so, Run and Submit are off, no old result looks current", async ({ page }) => {
    const gateway = await installMockGateway(page);
    await page.goto("/");
    await page.getByRole("button", { name: "Start interview" }).click();
    await expect(page.getByRole("heading", { name: "Contains Duplicate", level: 2 })).toBeVisible();
    await pasteIntoEditor(page, CORRECT_SOLUTION);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page.getByTestId("run-summary")).toContainText("Accepted");
    const runsBefore = gateway.received.filter((event) => event.type === "run_code").length;

    await pasteIntoEditor(page, `${CORRECT_SOLUTION}\n# ${"x".repeat(70 * 1024)}\n`);
    await expect(page.getByTestId("code-size-problem")).toContainText("the limit is 64 KiB");
    await expect(page.getByRole("button", { name: "Run", exact: true })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Submit", exact: true })).toBeDisabled();
    await expect(page.getByTestId("run-summary")).toHaveCount(0);
    await expect(page.getByTestId("results-blocked")).toBeVisible();
    await page.locator(".monaco-editor textarea").first().press("ControlOrMeta+Enter");
    await page.waitForTimeout(2_000); // past the snapshot debounce too
    expect(gateway.received.filter((event) => event.type === "run_code")).toHaveLength(runsBefore);
    await expect(page.getByTestId("error-banner")).toHaveCount(0);
    await expectAccessible(page, "room with oversized code");
    await screenshot(page, "screens-code-too-large");
  });

  test("the connection badge leaves Live within seconds of the network going silent", async ({ page }) => {
    const gateway = await installMockGateway(page);
    await page.goto("/");
    await page.getByRole("button", { name: "Start interview" }).click();
    await expect(page.getByTestId("connection-status")).toHaveText("Live");
    gateway.goSilent();
    // The mock accepts the reconnect at once, so "Reconnecting" may be brief: watch for it closely.
    await page.waitForFunction(() => document.querySelector('[data-testid="connection-status"]')?.textContent !== "Live", null, {
      timeout: 12_000,
      polling: 50,
    });
  });

  test("at 00:00 the room says time is up and what happens next", async ({ page }) => {
    await installMockGateway(page);
    await page.goto("/");
    await page.getByRole("button", { name: "Start interview" }).click();
    await expect(page.getByRole("heading", { name: "Contains Duplicate", level: 2 })).toBeVisible();
    await page.evaluate((id) => {
      const sessions = JSON.parse(localStorage.getItem("mockmind:sessions") ?? "[]");
      for (const session of sessions) if (session.sessionId === id) session.durationMinutes = 1;
      localStorage.setItem("mockmind:sessions", JSON.stringify(sessions));
    }, SESSION_ID);
    await page.reload(); // the mocked session started a minute ago
    await expect(page.getByTestId("interview-timer")).toContainText("00:00");
    await expect(page.getByTestId("time-up")).toContainText("press Finish");
  });
});

test.describe("the editor", () => {
  for (const theme of ["light", "dark"] as const) {
    test(`line numbers pass contrast in the ${theme} theme, and the way out is stated`, async ({ page }) => {
      await page.addInitScript((value) => localStorage.setItem("mockmind:theme", value), theme);
      await installMockGateway(page);
      await page.goto("/");
      await page.getByRole("button", { name: "Start interview" }).click();
      await pasteIntoEditor(page, Array.from({ length: 12 }, (_, line) => `x${line} = ${line}`).join("\n"));
      await expect(page.locator(".monaco-editor .line-numbers").nth(10)).toBeVisible();
      const ratio = await page.evaluate(() => {
        const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const luminance = ([r, g, b]: number[]) => {
          const channel = (value: number) => {
            const c = value / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        };
        const numbers = [...document.querySelectorAll<HTMLElement>(".monaco-editor .line-numbers")].find((element) => !element.classList.contains("active-line-number"))!;
        const background = getComputedStyle(document.querySelector(".monaco-editor .margin")!).backgroundColor;
        const [a, b] = [luminance(parse(getComputedStyle(numbers).color)), luminance(parse(background))];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      });
      expect(ratio).toBeGreaterThanOrEqual(4.5);
      await expect(page.getByTestId("editor-keyboard-help")).toContainText("Ctrl+M");
      // Esc then Tab leaves the editor
      await page.locator(".monaco-editor textarea").first().focus();
      await page.keyboard.press("Escape");
      await page.keyboard.press("Tab");
      const inEditor = await page.evaluate(() => Boolean(document.activeElement?.closest(".monaco-editor")));
      expect(inEditor).toBe(false);
    });
  }

  test("the speech button says the browser sends audio to its maker", async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as Record<string, unknown>).webkitSpeechRecognition = class {
        start() {}
        stop() {}
        abort() {}
      };
    });
    await installMockGateway(page);
    await page.goto("/");
    await page.getByRole("button", { name: "Start interview" }).click();
    await expect(page.getByTestId("speech-privacy")).toContainText("sends your audio");
  });
});
