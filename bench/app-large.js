/**
 * Part 2: a large CSV through the real, built app in Chromium, driven the
 * way a user would: pick the file with the "Load CSV" input, wait for the
 * profile, press "Save version", then open the version from the Versions
 * list. Measures each step, the main thread's long tasks, and memory.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './lib/chromium.js';
import { chromiumPids, memoryOf } from './lib/proc-memory.js';
import { serveStatic } from './lib/static-server.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dataDir = join(here, '.data');
const appDir = join(dataDir, 'app-dist');

/** Installed before any app code runs, so no long task escapes. */
export function observeLongTasks() {
  const w = /** @type {any} */ (window);
  w.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames say what a long task was made of: scripts (and which) or style and layout.
  w.__loaf = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const f = /** @type {any} */ (e);
        w.__loaf.push({
          start: f.startTime,
          duration: f.duration,
          styleAndLayoutMs: f.styleAndLayoutStart ? f.startTime + f.duration - f.styleAndLayoutStart : 0,
          scripts: (f.scripts ?? []).map((x) => ({
            ms: Math.round(x.duration),
            what: `${x.invokerType} ${x.invoker} ${x.sourceFunctionName || ''} ${(x.sourceURL || '').split('/').pop()}:${x.sourceCharPosition}`.trim(),
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // not supported: the long tasks alone are reported
  }
}

/**
 * Samples memory every `everyMs`: process RSS/PSS from /proc, the page's JS
 * heap (CDP Performance.getMetrics), and each dedicated worker's JS heap
 * (CDP Runtime.getHeapUsage, through the page's auto-attached worker targets).
 */
async function startMemorySampler(cdp, everyMs) {
  const workers = new Set();
  const pending = new Map();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.add(e.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message);
    // A late answer is still a true reading of the worker's heap: keep it for the peak.
    if (typeof message.result?.usedSize === 'number')
      peak.workerHeap = Math.max(peak.workerHeap, message.result.usedSize);
    const resolve = pending.get(message.id);
    if (resolve) {
      pending.delete(message.id);
      resolve(message.result);
    }
  });
  await cdp.send('Performance.enable');
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  // A worker busy in one long synchronous call (the parse) answers only afterwards: such samples count as unanswered.
  const peak = { rss: 0, pss: 0, pageHeap: 0, workerHeap: 0, samples: 0, workerUnanswered: 0 };
  const workerHeap = async () => {
    let used = 0;
    for (const sessionId of workers) {
      const id = nextId++;
      const result = new Promise((resolve) => {
        pending.set(id, resolve);
        setTimeout(() => resolve(null), 2000);
      });
      try {
        await cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        });
        const heap = await result;
        if (heap) used += heap.usedSize;
        else peak.workerUnanswered++;
      } catch {
        // the worker went away
      }
    }
    return used;
  };

  let pids = chromiumPids();
  let busy = false;
  let ticks = 0;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      if (++ticks % 10 === 0) pids = chromiumPids(); // renderers come and go
      const { rss, pss } = memoryOf(pids);
      peak.rss = Math.max(peak.rss, rss);
      peak.pss = Math.max(peak.pss, pss);
      const { metrics } = await cdp.send('Performance.getMetrics');
      peak.pageHeap = Math.max(peak.pageHeap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      peak.workerHeap = Math.max(peak.workerHeap, await workerHeap());
      peak.samples++;
    } catch {
      // the page is closing
    } finally {
      busy = false;
    }
  }, everyMs);
  return {
    peak,
    now: async () => ({ ...memoryOf(chromiumPids()), workerHeap: await workerHeap() }),
    stop: () => clearInterval(timer),
  };
}

/**
 * Waits (polling each animation frame, so a blocked main thread delays it
 * just as it delays the user) until `test` holds in the page; returns the
 * page's performance.now() at that moment. A shown error alert fails fast.
 */
export async function pageTimeWhen(page, test, arg, timeoutMs) {
  // An expression string, not a function: it runs through CDP, so a page CSP without 'unsafe-eval' cannot block it.
  const expression = `(() => {
    const alert = document.querySelector('[role="alert"]');
    if (alert && alert.textContent.trim()) return { error: alert.textContent.trim() };
    return (${test.toString()})(${JSON.stringify(arg)}) ? { at: performance.now() } : false;
  })()`;
  const handle = await page.waitForFunction(expression, undefined, { polling: 'raf', timeout: timeoutMs });
  const value = await handle.jsonValue();
  if (value.error) throw new Error(`the app showed an error: ${value.error}`);
  return value.at;
}

/** Builds the app with the project's vite.config.ts into bench/.data/app-dist (apart from dist/). */
export function buildApp() {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', appDir, '--emptyOutDir'], {
    stdio: 'inherit',
    cwd: root,
  });
  if (result.status !== 0) throw new Error('building the app failed (see above)');
  return appDir;
}

const digits = (s) => (s ?? '').replace(/\D/g, '');

/**
 * @param {{ csvPath: string, rows: number, timeoutMs?: number, build?: boolean }} options
 */
export async function appLarge({ csvPath, rows, timeoutMs = 15 * 60_000, build = true }) {
  if (build) buildApp();
  const server = await serveStatic({ '/': appDir });
  const browser = await launchChromium(dataDir);
  let memory;
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(timeoutMs);
    await page.addInitScript(observeLongTasks);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Browser.grantPermissions', { origin: server.url, permissions: ['durableStorage'] });
    memory = await startMemorySampler(cdp, 200);

    await page.goto(`${server.url}/#data`);
    const input = page.getByLabel('Load CSV');
    await input.waitFor({ state: 'attached' });
    await page.waitForTimeout(1000);
    const idle = await memory.now();
    const now = () => page.evaluate(() => performance.now());
    const phases = [];
    const phase = async (name, act, test) => {
      const start = await now();
      await act();
      const end = await pageTimeWhen(page, test, { rows: String(rows) }, timeoutMs);
      phases.push({ name, start, end, ms: end - start });
      console.error(`  app ${name}: ${((end - start) / 1000).toFixed(2)} s`);
    };

    await phase(
      'load → profile shown',
      () => input.setInputFiles(csvPath),
      ({ rows }) =>
        document.querySelector('[data-testid="row-count"]')?.textContent?.replace(/\D/g, '') === rows &&
        document.getElementById('profile-heading') !== null &&
        document.querySelector('[role="progressbar"]') === null,
    );
    await phase(
      'save version',
      () => page.getByRole('button', { name: 'Save version' }).click(),
      () => /Saved new version/.test(document.querySelector('form.save [role="status"]')?.textContent ?? ''),
    );
    await page.getByRole('navigation', { name: 'Workbench' }).getByRole('button', { name: 'Versions' }).click();
    const open = page.getByRole('button', { name: /^Open / });
    await open.first().waitFor();
    await phase(
      'reopen from versions list',
      () => open.first().click(),
      ({ rows }) =>
        /Opened saved version/.test(document.querySelector('[aria-label="Read notes"]')?.textContent ?? '') &&
        document.querySelector('[data-testid="row-count"]')?.textContent?.replace(/\D/g, '') === rows &&
        document.querySelector('[role="progressbar"]') === null,
    );
    await page.waitForTimeout(500); // let the last long-task entries arrive
    memory.stop();

    const tasks = await page.evaluate(() => /** @type {any} */ (window).__longtasks);
    const frames = await page.evaluate(() => /** @type {any} */ (window).__loaf);
    const shownRows = digits(await page.getByTestId('row-count').textContent());
    const summarise = (list) => ({
      count: list.length,
      over50: list.filter((t) => t.duration > 50).length,
      maxMs: list.reduce((m, t) => Math.max(m, t.duration), 0),
      totalMs: list.reduce((s, t) => s + t.duration, 0),
    });
    const from = phases[0].start;
    const to = phases[phases.length - 1].end;
    return {
      rows: Number(shownRows),
      phases: phases.map((p) => ({
        ...p,
        longTasks: summarise(tasks.filter((t) => t.start >= p.start && t.start <= p.end)),
      })),
      longTasks: summarise(tasks.filter((t) => t.start >= from && t.start <= to)),
      longTasksWholeSession: summarise(tasks),
      longest: [...tasks].sort((a, b) => b.duration - a.duration).slice(0, 5),
      longFrames: [...frames].sort((a, b) => b.duration - a.duration).slice(0, 5),
      memory: { idle, peak: memory.peak },
      chromium: await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? navigator.userAgent),
    };
  } finally {
    memory?.stop();
    await browser.close();
    await server.close();
  }
}
