/**
 * A newcomer's first run: from an empty workspace, the Train view offers the
 * bundled penguins sample, saves it as a version in one click, and trains.
 */
import { LONG, test } from './harness.js';
import { assert, goTo, listedVersions } from './helpers.js';
import { metric, trainAndWait, trainForm } from './train-helpers.js';

test(
  'an empty workspace can train on the bundled sample after one click',
  async (s) => {
    const page = await s.open();
    await goTo(page, 'Train');
    await page.getByRole('button', { name: 'Use the Palmer penguins sample' }).click();
    await trainForm(page).waitFor();
    const report = await trainAndWait(page, 'forest #1');
    assert.equal(await report.getAttribute('data-status'), 'completed');
    assert.ok((await metric(report, 'accuracy')) > 0.9);
    await goTo(page, 'Versions');
    const listed = await listedVersions(page);
    assert.equal(listed.length, 1);
    assert.match(JSON.stringify(listed[0]), /penguins/);
  },
  LONG,
);
