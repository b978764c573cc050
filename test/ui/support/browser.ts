import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, installed on the test machines. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a headless run as root with no network: no sandbox, nothing phoning home. */
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run', '--disable-sync'];

export interface TestBrowser {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors, failed requests and HTTP error answers seen since the last `takeProblems()`. */
  takeProblems: () => string[];
  close: () => Promise<void>;
}

/**
 * Chromium (headless, fresh profile, 1280x800) with one page whose console errors, uncaught errors,
 * failed requests and 4xx/5xx answers are collected, so a test can fail on any of them.
 *
 * @example
 * const b = await openBrowser();
 * await b.page.goto(url);
 * expect(b.takeProblems()).toEqual([]);
 */
export async function openBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'cf-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = context.pages()[0] ?? (await context.newPage());
  let problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A download the page fetched itself and then saved (a blob: URL) shows as "aborted"; nothing failed.
    if (r.url().startsWith('blob:') || r.url().startsWith('data:')) return;
    problems.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return {
    page,
    context,
    takeProblems: () => {
      const out = problems;
      problems = [];
      return out;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
