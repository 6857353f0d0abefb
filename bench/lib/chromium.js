/**
 * Launches Debian's Chromium through playwright-core with the project's
 * headless flags (see /work/shared/ENVIRONMENT.md) and a fresh profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../test/browser/session.js';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// One list of launch flags for tests and benchmarks.
const FLAGS = CHROMIUM_ARGS;

/**
 * A persistent context in a new, empty user-data-dir under `dataDir`
 * (removed again by `close`).
 * @param {string} dataDir
 * @param {{ extraArgs?: string[] }} [options]
 */
export async function launchChromium(dataDir, options = {}) {
  const userDataDir = mkdtempSync(join(dataDir, 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, ...(options.extraArgs ?? [])],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    userDataDir,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
