/**
 * A large drift report in the browser: two 110,000-row versions, so the
 * drift worker splits the columns with its second thread (drift-split.ts,
 * from 200,000 rows together). The dashboard shows the statistics the CLI
 * computes on one thread for the same files, column by column.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LONG, test } from './harness.js';
import { assert, goTo, saveVersion, waitForDraft } from './helpers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ROWS = 110_000;

/** A deterministic table: three numeric columns and a category; `shift` moves `a`. */
function csv(seed, shift) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const lines = ['a,b,c,plan'];
  for (let i = 0; i < ROWS; i++) {
    const a = (next() + next() + next() + shift).toFixed(4);
    const b = (next() * 10).toFixed(3);
    const c = Math.floor(next() * 7);
    lines.push(`${a},${b},${c},${next() < 0.3 ? 'basic' : 'pro'}`);
  }
  return lines.join('\n') + '\n';
}

const close = (actual, expected, what) =>
  assert.ok(
    Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
    `${what}: dashboard ${actual}, CLI ${expected}`,
  );

test(
  'a report on 220,000 rows, split over two threads, shows what one thread computes',
  async (s) => {
    const dir = mkdtempSync(join(tmpdir(), 'drift-split-'));
    const files = { reference: csv(7, 0), current: csv(8, 0.05) };
    let expected;
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `${name}.csv`), text);
      const out = spawnSync(
        process.execPath,
        [join(root, 'bin/workbench.js'), 'drift', join(dir, 'reference.csv'), join(dir, 'current.csv'), '--json'],
        { encoding: 'utf8' },
      );
      assert.equal(out.status, 0, out.stderr);
      expected = JSON.parse(out.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const page = await s.open();
    for (const [name, text] of Object.entries(files)) {
      await page.getByLabel('Load CSV', { exact: true }).setInputFiles({
        name: `${name}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      });
      await waitForDraft(page, `${name}.csv`);
      await saveVersion(page, { name });
    }
    await goTo(page, 'Monitor');
    const dashboard = page.getByRole('form', { name: 'Drift dashboard' });
    await dashboard
      .getByRole('combobox')
      .nth(0)
      .selectOption({ label: `reference (${ROWS} rows)` });
    await dashboard
      .getByRole('combobox')
      .nth(1)
      .selectOption({ label: `current (${ROWS} rows)` });
    await dashboard.getByRole('button', { name: 'Compare' }).click();
    const summary = page.getByTestId('drift-summary');
    await summary.waitFor({ timeout: 120_000 });

    assert.ok(
      page.workers().some((worker) => /drift-part\.worker/.test(worker.url())),
      `the drift worker started its second thread: ${page.workers().map((w) => w.url())}`,
    );
    const cards = page.getByTestId('drift-column');
    assert.equal(await cards.count(), expected.columns.length);
    for (const column of expected.columns) {
      const card = page.locator(`[data-testid="drift-column"][data-column="${column.name}"]`);
      assert.equal(await card.getAttribute('data-drifted'), column.drifted ? 'yes' : 'no', column.name);
      assert.equal(await card.getAttribute('data-test'), column.test, column.name);
      const shown = async (key) => Number(await card.locator(`dd[data-stat="${key}"]`).getAttribute('data-value'));
      close(await shown('psi'), column.psi, `${column.name} PSI`);
      close(await shown('jensenShannon'), column.jensenShannon, `${column.name} Jensen–Shannon`);
      if (column.kind === 'numeric') {
        close(await shown('ks.statistic'), column.ks.statistic, `${column.name} KS`);
        close(await shown('wasserstein'), column.wasserstein, `${column.name} Wasserstein`);
      }
      assert.equal(
        await card.getByRole('img').count(),
        column.kind === 'numeric' ? 2 : 1,
        `${column.name}: its charts came back from whichever thread computed it`,
      );
    }
    assert.equal(await summary.getAttribute('data-share'), String(expected.driftShare));

    // A column that is text in the current version fails on the second thread; its message comes back whole.
    await goTo(page, 'Data');
    await page.getByLabel('Load CSV', { exact: true }).setInputFiles({
      name: 'texty.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        files.current.replace(/^([^,\n]*),([^,\n]*),/gm, (line, a, b, offset) => (offset === 0 ? line : `${a},x${b},`)),
      ),
    });
    await waitForDraft(page, 'texty.csv');
    await saveVersion(page, { name: 'texty' });
    await goTo(page, 'Monitor');
    await dashboard
      .getByRole('combobox')
      .nth(1)
      .selectOption({ label: `texty (${ROWS} rows)` });
    await dashboard.getByRole('button', { name: 'Compare' }).click();
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'Column "b" is numeric in the reference but text in the current data' });
    await alert.waitFor({ timeout: 120_000 });
  },
  LONG,
);
