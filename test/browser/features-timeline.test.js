/**
 * The per-entity timeline, a feature service made in the app, and lineage:
 * Grunfeld's yearly rows as a feature view (TTL 365 days), a service over
 * it, and label rows for every firm at mid-year times before, between and
 * after the feature rows. The timeline opens on a leaked entity; IBM's rows
 * show one with only future rows, two matches and one expired by the TTL,
 * with the naive join's future picks dashed, checked against the sample
 * read here; arrow keys move between rows; axe finds nothing in either
 * theme. The training set saved from the service and a run trained on it
 * show in the lineage graph with the feature view version they used. With
 * a second view (no TTL) joined too, the timeline switches between views.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LONG, test } from './harness.js';
import { assert, dropFile, goTo, saveVersion, shortIdIn, waitForDraft } from './helpers.js';
import { chooseModel, setField, trainAndWait, trainForm } from './train-helpers.js';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SAMPLE = fileURLToPath(new URL('../../public/samples/grunfeld.csv', import.meta.url));
const GRUNFELD = readFileSync(SAMPLE, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));
const FIRMS = [...new Set(GRUNFELD.map(([firm]) => firm))].sort();
const TIMES = ['1934-06-30', '1940-06-30', '1945-06-30', '1957-06-30'];
const LABELS = `firm,at,label\n${FIRMS.flatMap((firm, f) => TIMES.map((t, i) => `${firm},${t},${(f + i) % 2 ? 'up' : 'down'}`)).join('\n')}\n`;
/** The Grunfeld row (0-based) of a firm's year. */
const grunfeldRow = (firm, year) => GRUNFELD.findIndex(([f, t]) => f === firm && t === `${year}-12-31`);

async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  });
}

test(
  'a service made in the app builds a training set whose timeline shows, per entity, the row each row got',
  async (s) => {
    // The page's CSP refuses injected scripts (csp.test.js proves it); let this page take axe.
    const cdp = await s.context.newCDPSession(s.page);
    await cdp.send('Page.setBypassCSP', { enabled: true });
    const page = await s.open();
    await page.getByRole('button', { name: 'Load Grunfeld investment' }).click();
    await waitForDraft(page, 'grunfeld.csv');
    await saveVersion(page);
    await dropFile(page, 'firm_labels.csv', LABELS);
    assert.deepEqual(await waitForDraft(page, 'firm_labels.csv'), { rows: String(FIRMS.length * 4), columns: '3' });
    await saveVersion(page);

    await goTo(page, 'Features');
    const editor = page.getByRole('region', { name: 'Define a feature view' });
    await editor.getByLabel('View name').fill('firm_finance');
    await editor.getByLabel('Entity', { exact: true }).fill('firm');
    await editor.getByLabel('Join keys').fill('firm');
    await editor.getByLabel('Source dataset').selectOption('grunfeld');
    await editor.getByLabel('Event time').selectOption('year_end');
    await editor.getByLabel('TTL (optional)').fill('365d');
    await editor.getByLabel('Feature 1 name').fill('invest_ratio');
    await editor.getByLabel('Feature 1 expression').fill('invest / capital');
    await editor.getByRole('button', { name: 'Apply' }).click();
    await editor.getByTestId('feature-apply-status').filter({ hasText: 'firm_finance@1' }).waitFor();

    const services = page.getByRole('region', { name: 'Feature services' });
    await services.getByLabel('Service name').fill('investment_inputs');
    await services.getByLabel('firm_finance').check();
    await services.getByRole('button', { name: 'Apply service' }).click();
    const applied = services.getByTestId('service-apply-status');
    await applied.filter({ hasText: 'Applied' }).waitFor();
    assert.match(await applied.textContent(), /Applied feature service investment_inputs@1\./);
    assert.match(
      await services.getByRole('table', { name: 'Feature services' }).locator('tbody tr').textContent(),
      /investment_inputs\s*1\s*firm_finance/,
    );

    const panel = page.getByRole('region', { name: 'Point-in-time join' });
    const entities = panel.getByLabel('Entity rows (dataset version)');
    await entities.selectOption(
      (await entities.locator('option', { hasText: 'firm_labels' }).getAttribute('value')) ?? '',
    );
    assert.equal(await panel.getByLabel('Row time column').inputValue(), 'at');
    await panel.getByLabel('Feature service (optional)').selectOption('investment_inputs');
    assert.ok(await panel.getByLabel('firm_finance@1').isChecked(), 'the service ticks its view');
    await panel.getByRole('button', { name: 'Preview join' }).click();
    const summary = panel.getByTestId('join-view-summary');
    await summary.waitFor();
    // Per firm: 1940 and 1945 match; 1934 has only future rows, 1957 is 2.5 years after the last (TTL 365 days).
    assert.equal(await summary.getAttribute('data-matched'), String(FIRMS.length * 2));
    assert.equal(await summary.getAttribute('data-leaked'), String(FIRMS.length * 3));

    // It opens on an entity a naive join leaks into; every firm ties, so the first by name.
    const picker = panel.getByLabel('Entity on the timeline');
    assert.equal(await picker.inputValue(), FIRMS[0]);
    assert.match(await picker.locator('option:checked').textContent(), /· 4 rows, 3 leaked, 2 unmatched$/);
    await picker.selectOption('IBM');
    const chart = panel.getByTestId('entity-timeline');
    await chart.and(page.locator('[aria-label^="Timeline of IBM"]')).waitFor();
    assert.equal(
      await chart.getAttribute('aria-label'),
      'Timeline of IBM in firm_finance@1: 20 feature rows, 4 training rows',
    );

    const base = FIRMS.indexOf('IBM') * 4;
    const markers = chart.locator('g[role="button"]');
    assert.deepEqual(await markers.evaluateAll((gs) => gs.map((g) => [g.dataset.row, g.dataset.status])), [
      [String(base), 'only-future'],
      [String(base + 1), 'matched'],
      [String(base + 2), 'matched'],
      [String(base + 3), 'expired'],
    ]);
    const links = await chart
      .locator('line[data-pick-from]')
      .evaluateAll((ls) => ls.map((l) => [l.dataset.pickFrom, l.dataset.pickTo]));
    assert.deepEqual(links, [
      [String(base + 1), String(grunfeldRow('IBM', 1939))],
      [String(base + 2), String(grunfeldRow('IBM', 1944))],
    ]);
    const naive = await chart.locator('line[data-naive-from]').evaluateAll((ls) => ls.map((l) => l.dataset.naiveFrom));
    assert.deepEqual(naive, [String(base), String(base + 1), String(base + 2)]);
    assert.equal(await chart.locator('path[data-miss]').count(), 2);
    assert.equal(await chart.locator('circle[data-feature-row]').count(), 20);

    // The first leaked row is selected, its TTL window shaded; arrow keys move the selection and the focus.
    const said = panel.getByTestId('timeline-selected');
    assert.match(
      await said.textContent(),
      new RegExp(
        `^Row ${base + 1}, 1934-06-30: no match: only future rows; a naive join takes 1954-12-31, from its future\\.`,
      ),
    );
    assert.ok(Number(await chart.getByTestId('ttl-window').getAttribute('width')) > 0);
    await markers.first().focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-row')), String(base + 1));
    assert.match(
      await said.textContent(),
      new RegExp(`^Row ${base + 2}, 1940-06-30: got the feature row of 1939-12-31; a naive join takes 1954-12-31`),
    );
    await page.keyboard.press('End');
    assert.match(await said.textContent(), /^Row \d+, 1957-06-30: expired by TTL\./);
    assert.equal(await markers.last().getAttribute('aria-pressed'), 'true');

    const table = await panel
      .getByRole('table', { name: 'Feature row picked per row' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent.trim())));
    assert.deepEqual(table, [
      [String(base + 1), '1934-06-30', '—', 'no match: only future rows', '1954-12-31 (future)'],
      [String(base + 2), '1940-06-30', '1939-12-31', 'matched', '1954-12-31 (future)'],
      [String(base + 3), '1945-06-30', '1944-12-31', 'matched', '1954-12-31 (future)'],
      [String(base + 4), '1957-06-30', '—', 'expired by TTL', '1954-12-31'],
    ]);

    const found = [];
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
      found.push(...(await axeViolations(page)).map((v) => `${theme}: ${v}`));
    }
    assert.deepEqual(found, [], found.join('\n'));
    assert.deepEqual(s.takePageErrors(), []);
  },
  LONG,
);

test(
  'the saved training set and a run trained on it show the feature view version in the lineage graph',
  async (s) => {
    const page = s.page;
    const panel = page.getByRole('region', { name: 'Point-in-time join' });
    await panel.getByLabel('Training set name').fill('firm labels + features');
    await panel.getByRole('button', { name: 'Save as dataset version' }).click();
    const status = panel.getByTestId('join-status');
    await status.filter({ hasText: /[0-9a-f]{12}/ }).waitFor();
    const id = shortIdIn(await status.textContent());

    await goTo(page, 'Train');
    const pick = page.getByLabel('Dataset version');
    await pick.selectOption((await pick.locator('option', { hasText: id }).getAttribute('value')) ?? '');
    await trainForm(page)
      .getByRole('combobox', { name: /^Target/ })
      .selectOption('label');
    await chooseModel(page, 'Random forest');
    await setField(page, 'Trees', 3);
    const report = await trainAndWait(page, 'forest #1');
    assert.equal(await report.getAttribute('data-status'), 'completed');

    await goTo(page, 'Lineage');
    const graph = page.getByRole('group', { name: 'Lineage graph' });
    const view = 'featureView:firm_finance@1';
    await graph.locator(`path[data-from="${view}"][data-to^="dataset:${id}"]`).waitFor();
    assert.equal(await graph.locator(`path[data-from^="dataset:${id}"][data-to^="run:"]`).count(), 1);
    assert.equal(await graph.locator(`path[data-to="${view}"]`).count(), 1, 'computed from its source version');
    const node = graph.locator(`g[data-node-id="${view}"]`);
    assert.match((await node.getAttribute('aria-label')) ?? '', /^Feature view firm_finance v1 1 feature/);
    await node.click();
    await page.getByRole('heading', { name: 'Features', level: 2 }).waitFor();
    assert.deepEqual(s.takePageErrors(), []);
  },
  LONG,
);

test('with two views joined, the timeline shows either view: the one without a TTL matches the 1957 row', async (s) => {
  const page = s.page;
  await goTo(page, 'Features');
  const editor = page.getByRole('region', { name: 'Define a feature view' });
  await editor.getByLabel('View name').fill('firm_value');
  await editor.getByLabel('Entity', { exact: true }).fill('firm');
  await editor.getByLabel('Join keys').fill('firm');
  await editor.getByLabel('Source dataset').selectOption('grunfeld');
  await editor.getByLabel('Event time').selectOption('year_end');
  await editor.getByLabel('TTL (optional)').fill('');
  await editor.getByLabel('Feature 1 name').fill('firm_value');
  await editor.getByLabel('Feature 1 expression').fill('value');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await editor.getByTestId('feature-apply-status').filter({ hasText: 'firm_value@1' }).waitFor();

  const panel = page.getByRole('region', { name: 'Point-in-time join' });
  await panel.getByLabel('firm_value@1').check();
  assert.equal(
    await panel.getByLabel('Feature service (optional)').inputValue(),
    '',
    'a hand-ticked view drops the service',
  );
  await panel.getByRole('button', { name: 'Preview join' }).click();
  await panel.locator('[data-testid="join-view-summary"][data-view-id="firm_value@1"]').waitFor();
  await panel.getByLabel('Entity on the timeline').selectOption('IBM');
  const chart = panel.getByTestId('entity-timeline');
  await chart.and(page.locator('[aria-label^="Timeline of IBM in firm_finance@1"]')).waitFor();
  const statuses = () => chart.locator('g[role="button"]').evaluateAll((gs) => gs.map((g) => g.dataset.status));
  assert.deepEqual(await statuses(), ['only-future', 'matched', 'matched', 'expired']);
  await panel.getByLabel('Feature view on the timeline').selectOption('firm_value@1');
  await chart.and(page.locator('[aria-label^="Timeline of IBM in firm_value@1"]')).waitFor();
  assert.deepEqual(await statuses(), ['only-future', 'matched', 'matched', 'matched']);
  assert.equal(
    await chart.locator('[data-testid="ttl-window"]').getAttribute('x'),
    '118',
    'no TTL: the window reaches the start',
  );
  assert.deepEqual(s.takePageErrors(), []);
});
