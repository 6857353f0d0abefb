/**
 * Issue 12, items 6 and 8 in the browser: a table with a date column offers
 * a time-ordered split (recorded in the spec, explained, trained on), and
 * every phase of a run shows its own progress — the MLP's epoch n of N with
 * the time left, then the held-out rows scored and the importance
 * permutations done.
 */
import { test } from './harness.js';
import { assert, dropFile, goTo, saveVersion, waitForDraft } from './helpers.js';
import { chooseModel, setField, trainAndWait, trainForm } from './train-helpers.js';

/** 400 days in a scrambled row order (row r is day r × 37 mod 400), so file order is not time order. */
function weatherCsv() {
  const lines = ['date,temp,wind,rain'];
  for (let r = 0; r < 400; r++) {
    const day = (r * 37) % 400;
    const date = new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
    const temp = 10 + 8 * Math.sin(day / 30) + (day % 5);
    const wind = (day * 7) % 13;
    lines.push(`${date},${temp.toFixed(1)},${wind},${temp + wind / 2 < 12 ? 'yes' : 'no'}`);
  }
  return lines.join('\n');
}

test('a table with a date column offers a time-ordered split, explains it, records it and trains on it', async (s) => {
  const page = await s.open();
  await dropFile(page, 'weather.csv', weatherCsv());
  await waitForDraft(page, 'weather.csv');
  await saveVersion(page);
  await goTo(page, 'Train');
  const form = trainForm(page);
  await form.getByRole('combobox', { name: 'Target', exact: true }).selectOption('rain');
  const split = form.getByTestId('split-kind');
  assert.equal(await split.inputValue(), 'random');
  assert.match(await form.getByTestId('time-split-note').textContent(), /time column.*later/s);
  await split.selectOption('time');
  assert.match(await form.getByTestId('time-split-note').textContent(), /earlier rows and testing on the later/);
  const spec = JSON.parse(await page.getByTestId('spec-json').textContent());
  assert.deepEqual(spec.split, { kind: 'time', column: 'date', testFraction: 0.2 });
  await chooseModel(page, 'Logistic');
  const report = await trainAndWait(page, 'logistic #1');
  assert.equal(await report.getAttribute('data-status'), 'completed');
  assert.match((await report.textContent()).replace(/\s+/g, ' '), /320 training rows, 80 held/);
});

test('every phase of an MLP run shows its own progress: epochs with time left, rows scored, permutations', async (s) => {
  const page = s.page;
  const form = trainForm(page);
  await form.getByTestId('split-kind').selectOption('random');
  await chooseModel(page, 'MLP');
  await setField(page, 'Epochs', 12);
  await page.getByRole('checkbox', { name: 'Early stopping' }).uncheck();
  // Every label a progress bar shows while the run goes, however briefly.
  await page.evaluate(() => {
    window.seenProgress = new Set();
    const note = () =>
      document.querySelectorAll('[role="progressbar"]').forEach((bar) => window.seenProgress.add(bar.ariaLabel));
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-label'],
    });
  });
  const report = await trainAndWait(page, 'mlp #2');
  assert.equal(await report.getAttribute('data-status'), 'completed');
  const seen = await page.evaluate(() => [...window.seenProgress]);
  const epochs = seen.filter((l) => /^Epoch \d+ of 12/.test(l));
  assert.ok(epochs.length >= 2, `epoch progress shown: ${seen.join(' | ')}`);
  assert.ok(
    epochs.some((l) => /about .+ left/.test(l)),
    `an estimate of the time left: ${epochs.join(' | ')}`,
  );
  assert.ok(
    seen.some((l) => /^Held-out rows scored 80 \/ 80$/.test(l)),
    `rows scored shown: ${seen.join(' | ')}`,
  );
  // 5 repeats per feature.
  assert.ok(
    seen.some((l) => /^Importance permutations done \d+ \/ (10|15)$/.test(l)),
    `permutations shown: ${seen.join(' | ')}`,
  );
});
