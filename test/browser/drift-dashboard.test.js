/**
 * The drift dashboard in the browser: iris@1 serves production; the Drift
 * lab replays the iris version with petal_length shifted and sepal_width
 * rescaled and saves the drifted rows as a version; the dashboard compares
 * that version with the original in the drift worker, names the drifted
 * columns and shows statistics equal to what the CLI computes for the same
 * data; a per-column override flips a verdict, is saved with the model's
 * monitoring policy (still there after a reload) and is audited. The lab's
 * comparison of tests shows KS flagging a trivial shift on large samples.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LONG, test } from './harness.js';
import { assert, goTo } from './helpers.js';
import { irisInProduction } from './monitor-helpers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHIFT = 1;
const SCALE = 2;

/**
 * The drifted iris the lab saves, written as CSV: the same arithmetic as the
 * lab's shift (v + by) and scale (mean + (v − mean) · factor), and String()
 * round-trips every double exactly.
 */
function driftedIris(csv) {
  const [header, ...lines] = csv.trim().split('\n');
  const rows = lines.map((l) => l.split(','));
  const names = header.split(',');
  const pl = names.indexOf('petal_length');
  const sw = names.indexOf('sepal_width');
  let sum = 0;
  for (const r of rows) sum += Number(r[sw]);
  const mean = sum / rows.length;
  for (const r of rows) {
    r[pl] = String(Number(r[pl]) + SHIFT);
    r[sw] = String(mean + (Number(r[sw]) - mean) * SCALE);
  }
  return [header, ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

/** What the core computes for the same data, through the CLI. */
function expectedReport() {
  const dir = mkdtempSync(join(tmpdir(), 'drift-dashboard-'));
  try {
    const reference = join(root, 'public/samples/iris.csv');
    const current = join(dir, 'iris-drifted.csv');
    writeFileSync(current, driftedIris(readFileSync(reference, 'utf8')));
    const out = spawnSync(process.execPath, [join(root, 'bin/workbench.js'), 'drift', reference, current, '--json'], {
      encoding: 'utf8',
    });
    assert.equal(out.status, 0, out.stderr);
    return JSON.parse(out.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The statistics the dashboard shows for a column, read from the full-precision values it carries. */
async function shownStats(card) {
  const stats = {};
  for (const dd of await card.locator('dd[data-stat]').all())
    stats[await dd.getAttribute('data-stat')] = Number(await dd.getAttribute('data-value'));
  return stats;
}

const close = (actual, expected, what) =>
  assert.ok(
    Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
    `${what}: dashboard ${actual}, CLI ${expected}`,
  );

test(
  'the drift dashboard names the drifted columns with the statistics the core computes, and an override flips a verdict',
  async (s) => {
    const expected = expectedReport();
    const page = await s.open();
    await irisInProduction(page);

    await goTo(page, 'Monitor');
    await page.getByTestId('monitor-serving').filter({ hasText: 'iris@1' }).waitFor();
    const lab = page.getByRole('form', { name: 'Drift lab' });
    await lab.getByLabel('Shift column').fill('petal_length');
    await lab.getByLabel('by', { exact: true }).fill(String(SHIFT));
    await lab.getByLabel('Scale column').fill('sepal_width');
    await lab.getByLabel('by factor').fill(String(SCALE));
    await lab.getByLabel('Save drifted rows as version').fill('iris-drifted');
    await lab.getByRole('button', { name: 'Replay' }).click();
    await page
      .getByTestId('monitor-status')
      .filter({ hasText: /^Replayed 150 requests/ })
      .waitFor();

    // The dashboard defaults to the oldest version (iris) against the newest (the drifted rows).
    const dashboard = page.getByRole('form', { name: 'Drift dashboard' });
    await dashboard.getByLabel('Current').locator('option', { hasText: 'iris-drifted' }).waitFor({ state: 'attached' });
    await dashboard.getByRole('button', { name: 'Compare' }).click();
    const summary = page.getByTestId('drift-summary');
    await summary.waitFor();
    assert.ok(
      page.workers().some((worker) => /drift\.worker/.test(worker.url())),
      `the report ran in the drift worker: ${page.workers().map((w) => w.url())}`,
    );

    const want = expected.columns.filter((c) => c.drifted).map((c) => c.name);
    assert.deepEqual(want.sort(), ['petal_length', 'sepal_width']);
    const cards = page.getByTestId('drift-column');
    const shownOrder = await cards.evaluateAll((els) => els.map((e) => [e.dataset.column, e.dataset.drifted]));
    // Drifted columns first, each named with its verdict.
    assert.deepEqual(
      shownOrder
        .filter(([, d]) => d === 'yes')
        .map(([n]) => n)
        .sort(),
      want,
    );
    assert.ok(shownOrder.findIndex(([, d]) => d === 'no') >= want.length, JSON.stringify(shownOrder));
    close(Number(await summary.getAttribute('data-share')), expected.driftShare, 'drift share');
    assert.equal(await summary.getAttribute('data-dataset-drift'), expected.datasetDrift ? 'yes' : 'no');

    for (const column of expected.columns) {
      const card = cards.and(page.locator(`[data-column="${column.name}"]`));
      assert.equal(await card.getAttribute('data-test'), column.test, column.name);
      assert.equal(await card.getAttribute('data-drifted'), column.drifted ? 'yes' : 'no', column.name);
      const stats = await shownStats(card);
      close(stats.psi, column.psi, `${column.name} PSI`);
      close(stats.jensenShannon, column.jensenShannon, `${column.name} Jensen–Shannon`);
      if (column.kind === 'numeric') {
        close(stats['ks.statistic'], column.ks.statistic, `${column.name} KS statistic`);
        close(stats['ks.pValue'], column.ks.pValue, `${column.name} KS p-value`);
        close(stats.wasserstein, column.wasserstein, `${column.name} Wasserstein`);
        close(stats.wassersteinNormalized, column.wassersteinNormalized, `${column.name} Wasserstein / std`);
        assert.equal(await card.getByRole('img', { name: `${column.name}: reference and current ECDFs` }).count(), 1);
      } else {
        close(stats['chi2.statistic'], column.chi2.statistic, `${column.name} chi-squared`);
        close(stats['chi2.pValue'], column.chi2.pValue, `${column.name} chi-squared p-value`);
      }
      const verdict = await card.getByTestId('drift-verdict').textContent();
      assert.match(verdict, /Why this test: small reference \(150 reference values ≤ 1000\)/);
    }

    // petal_length (shifted by 1) drifts by KS; judged by Wasserstein / std with threshold 1 it does not.
    const petal = cards.and(page.locator('[data-column="petal_length"]'));
    const override = petal.getByRole('form', { name: 'Override the test of petal_length' });
    await override.getByLabel('Test').selectOption('wasserstein');
    await override.getByLabel('Threshold').fill('1');
    await override.getByRole('button', { name: 'Apply' }).click();
    await petal.and(page.locator('[data-test="wasserstein"]')).waitFor();
    const expectedPetal = expected.columns.find((c) => c.name === 'petal_length');
    assert.ok(expectedPetal.wassersteinNormalized < 1, `W/std ${expectedPetal.wassersteinNormalized}`);
    assert.equal(await petal.getAttribute('data-drifted'), 'no');
    const verdict = await petal.getByTestId('drift-verdict').textContent();
    assert.match(verdict, /chosen by the user \(wasserstein, threshold 1\)/);
    close(
      Number(await petal.locator('dd[data-stat="wassersteinNormalized"]').getAttribute('data-value')),
      expectedPetal.wassersteinNormalized,
      'petal_length Wasserstein / std after the override',
    );
    await summary.filter({ hasText: /^1 of 5 columns drifted/ }).waitFor();

    // Saved with the monitoring policy: a reload keeps it.
    await page.reload();
    await goTo(page, 'Monitor');
    await page.getByTestId('monitor-serving').filter({ hasText: 'iris@1' }).waitFor();
    await page.getByRole('form', { name: 'Drift dashboard' }).getByRole('button', { name: 'Compare' }).click();
    await page
      .getByTestId('drift-column')
      .and(page.locator('[data-column="petal_length"][data-test="wasserstein"][data-drifted="no"]'))
      .waitFor();

    // The lab's lesson: on large samples KS flags a 0.03 std shift that PSI and Wasserstein do not.
    const compare = page.getByRole('form', { name: 'Compare drift tests' });
    await compare.getByLabel('Column of the traffic version').fill('petal_width');
    await compare.getByRole('button', { name: 'Compare tests' }).click();
    const text = async (id) => (await page.getByTestId(id).textContent()).replace(/\s+/g, ' ');
    const large = await text('lesson-large');
    assert.match(large, /KS p = [^(]+\(drift\), PSI = [^(]+\(no drift\), Wasserstein \/ std = [^(]+\(no drift\)/);
    assert.match(await text('drift-lesson'), /a smoothed bootstrap of "petal_width"/);
    assert.match(await text('lesson-small'), /20 pairs of 100 from the same distribution/);

    await goTo(page, 'Audit log');
    assert.ok((await page.locator('main').textContent()).includes('Monitoring policy set'));
  },
  LONG,
);
