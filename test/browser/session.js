/**
 * One browser profile for one test file: a fresh --user-data-dir, a page,
 * and `restart()` to close and reopen the browser on the same profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Chromium flags from shared/ENVIRONMENT.md (headless is set by Playwright). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
];

export class Session {
  /** @param {{ executablePath: string, baseUrl: string }} options */
  constructor({ executablePath, baseUrl }) {
    this.executablePath = executablePath;
    this.baseUrl = baseUrl;
    this.userDataDir = mkdtempSync(join(tmpdir(), 'workbench-profile-'));
    /** @type {import('playwright-core').BrowserContext | null} */
    this.context = null;
    /** @type {import('playwright-core').Page | null} */
    this.page = null;
    /** Uncaught errors in the page since the last `takePageErrors()`. */
    this.pageErrors = [];
  }

  /** Launches the browser on this session's profile and opens one page. */
  async start() {
    this.context = await chromium.launchPersistentContext(this.userDataDir, {
      executablePath: this.executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    });
    // A wide margin for every wait and action: CI runs on a busy 2-core machine.
    this.context.setDefaultTimeout(45_000);
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page.on('pageerror', (error) => this.pageErrors.push(error.message));
    return this.page;
  }

  /** Closes the whole browser and launches it again on the same profile. */
  async restart() {
    await this.context?.close();
    return this.start();
  }

  /** Opens the app (optionally at a view such as `#versions`) and waits for it to render. */
  async open(hash = '') {
    await this.page.goto(this.baseUrl + hash);
    await this.page.getByRole('heading', { name: 'MLOps Workbench' }).waitFor();
    return this.page;
  }

  takePageErrors() {
    return this.pageErrors.splice(0, this.pageErrors.length);
  }

  /** Closes the browser and deletes the profile. */
  async dispose() {
    try {
      await this.context?.close();
    } finally {
      rmSync(this.userDataDir, { recursive: true, force: true });
    }
  }
}
