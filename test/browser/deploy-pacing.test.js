/**
 * A paced replay in the browser: at 100 requests/s the stream advances
 * step by step (the progress bar names the request it has reached and the
 * simulated seconds of traffic), and Stop ends it there — the strategy
 * decides on the requests replayed so far, which are stored and listed in
 * the prediction log. Behaviour only: no duration is asserted.
 */
import { readFile } from 'node:fs/promises';
import { LONG, test } from './harness.js';
import { assert, dropFile, goTo, saveVersion, waitForDraft } from './helpers.js';
import { openDeploy, pick, REPLAY_TIMEOUT_MS } from './deploy-helpers.js';
import { registerRun } from './registry-helpers.js';
import { chooseModel, setField, trainAndWait } from './train-helpers.js';

const MODEL = 'penguins-paced';

test(
  'two penguins forests are registered and a five-fold penguins file is saved as the traffic',
  async (s) => {
    const page = await s.open();
    await page.getByRole('button', { name: 'Load Palmer penguins' }).click();
    await waitForDraft(page, 'penguins.csv');
    await saveVersion(page);
    await goTo(page, 'Train');
    await chooseModel(page, 'Random forest');
    await setField(page, 'Trees', 1);
    await setField(page, 'Max depth', 2);
    await trainAndWait(page, 'forest #1');
    await setField(page, 'Max depth', 1);
    await trainAndWait(page, 'forest #2');
    await goTo(page, 'Runs');
    for (const run of ['forest #1', 'forest #2']) await registerRun(page, run, MODEL);
    const [header, ...rows] = (await readFile(new URL('../../public/samples/penguins.csv', import.meta.url), 'utf8'))
      .trim()
      .split('\n');
    await goTo(page, 'Data');
    await dropFile(page, 'traffic.csv', [header, ...Array.from({ length: 5 }, () => rows).flat()].join('\n'));
    await waitForDraft(page, 'traffic.csv');
    await saveVersion(page, { name: 'traffic' });
  },
  LONG,
);

/** The request the paced replay's progress bar says it has reached. */
async function reached(page) {
  const label = await page.getByRole('progressbar').getAttribute('aria-label');
  const match = /Replaying request ([\d,]+) of ([\d,]+) at 100 requests\/s \(([\d.]+) s of simulated traffic\)/.exec(
    label ?? '',
  );
  return match ? { done: Number(match[1].replace(/,/g, '')), total: Number(match[2].replace(/,/g, '')) } : null;
}

/** Polls until `check` gives a value, or fails after the replay timeout. */
async function until(check) {
  const end = Date.now() + REPLAY_TIMEOUT_MS;
  while (Date.now() < end) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the paced replay did not get there');
}

test(
  'a shadow replayed at 100 requests/s advances step by step and Stop ends it with a decision on what was replayed',
  async (s) => {
    const page = s.page;
    await openDeploy(page, 'Rollout');
    const form = page.getByRole('form', { name: 'Rollout' });
    await form.getByLabel('Stable version').selectOption(`${MODEL}@1`);
    await form.getByLabel('Candidate version').selectOption(`${MODEL}@2`);
    await pick(form.getByLabel('Request stream'), 'traffic');
    await form.getByLabel('Strategy', { exact: true }).selectOption('shadow');
    await form.getByLabel('Replay speed').selectOption('100');
    await form.getByRole('checkbox', { name: /Act on the decision/ }).setChecked(false);
    await form.getByRole('button', { name: 'Start rollout' }).click();

    const first = await until(async () => {
      const r = await reached(page);
      return r && r.done > 0 ? r : null;
    });
    assert.equal(first.total, 1720);
    const later = await until(async () => {
      const r = await reached(page);
      return r && r.done > first.done ? r : null;
    });
    assert.ok(later.done < later.total, 'still replaying when read the second time');
    await form.getByRole('button', { name: 'Stop', exact: true }).click();

    const result = page.getByRole('article', { name: 'Rollout result' }).filter({ hasText: `shadow: ${MODEL}@2` });
    await result.waitFor({ timeout: REPLAY_TIMEOUT_MS });
    const text = await result.textContent();
    const stoppedAt = Number(/Stopped by you after ([\d,]+) requests/.exec(text)?.[1].replace(/,/g, ''));
    assert.ok(stoppedAt >= later.done && stoppedAt < 1720, text);
    assert.match(text, new RegExp(`over ${stoppedAt.toLocaleString('en')} replayed requests`));
    assert.match(text, new RegExp(`The candidate shadowed ${stoppedAt} requests`));

    await openDeploy(page, 'Prediction log');
    const replays = await page.getByRole('table', { name: 'Replays' }).locator('tbody tr').allTextContents();
    assert.equal(replays.length, 1);
    assert.match(replays[0], /shadow/);
    assert.match(replays[0], new RegExp(`${stoppedAt}`));
  },
  LONG,
);
