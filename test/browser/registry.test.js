/**
 * The model registry in the browser: the actor's name on every event,
 * runs registered as versions, stages with gates (a relative accuracy gate
 * blocks a worse version, approval required), the old Production archived,
 * the stage history and time slider, compare, aliases, the model card,
 * lineage, the audit view (filter, search, Verify chain, JSONL export), and
 * a version exported as a .zip and imported into a fresh browser profile
 * (a tampered zip refused).
 */
import { unzipSync, zipSync } from 'fflate';
import { LONG, test } from './harness.js';
import { assert, goTo, saveVersion, waitForDraft } from './helpers.js';
import { download, move, openVersion, registerRun, slideTo, stages, versionsTable } from './registry-helpers.js';
import { Session } from './session.js';
import { chooseModel, metric, setField, trainAndWait } from './train-helpers.js';

const MODEL = 'penguin-species';
const accuracy = {};
let bundle = null;

test('the actor name is set once, shown in the header and kept after a reload', async (s) => {
  const page = await s.open();
  assert.equal(await page.getByTestId('actor-name').textContent(), 'local-user');
  await page.getByRole('button', { name: 'Change name' }).click();
  await page.getByLabel('Your name', { exact: true }).fill('  ');
  await page.getByRole('button', { name: 'Save name' }).click();
  assert.match(await page.getByRole('alert').textContent(), /Your name cannot be empty/);
  await page.getByLabel('Your name', { exact: true }).fill('ana');
  await page.getByRole('button', { name: 'Save name' }).click();
  assert.equal(await page.getByTestId('actor-name').textContent(), 'ana');
  await page.reload();
  await page.getByTestId('actor-name').filter({ hasText: 'ana' }).waitFor();
});

test(
  'three penguins runs are registered as versions 1–3 of penguin-species, in Development',
  async (s) => {
    const page = s.page;
    await page.getByRole('button', { name: 'Load Palmer penguins' }).click();
    await waitForDraft(page, 'penguins.csv');
    await saveVersion(page);
    await goTo(page, 'Train');
    await chooseModel(page, 'Random forest');
    await setField(page, 'Trees', 3);
    await setField(page, 'Max depth', 2);
    accuracy.v1 = await metric(await trainAndWait(page, 'forest #1'), 'accuracy');
    // A single stump cannot tell three species apart: the worse version.
    await setField(page, 'Trees', 1);
    await setField(page, 'Max depth', 1);
    accuracy.v2 = await metric(await trainAndWait(page, 'forest #2'), 'accuracy');
    await chooseModel(page, 'Logistic regression');
    accuracy.v3 = await metric(await trainAndWait(page, 'logistic #3'), 'accuracy');
    assert.ok(accuracy.v2 < accuracy.v1 && accuracy.v1 <= accuracy.v3, `accuracies ${JSON.stringify(accuracy)}`);

    await goTo(page, 'Runs');
    await registerRun(page, 'forest #1', MODEL, { description: 'shallow forest', tags: 'team=research, purpose=demo' });
    await registerRun(page, 'forest #2', MODEL);
    await registerRun(page, 'logistic #3', MODEL);
    await goTo(page, 'Registry');
    assert.deepEqual(await stages(page, MODEL), { v3: 'Development', v2: 'Development', v1: 'Development' });
    const v1 = versionsTable(page, MODEL).locator('tr[data-version="1"]');
    assert.equal(Number(await v1.locator('[data-metric="accuracy"]').textContent()), accuracy.v1);
    assert.match(await v1.textContent(), /forest #1/);
    assert.match(await v1.textContent(), /by ana/);
    assert.match(await page.getByLabel('Model').locator('option', { hasText: MODEL }).textContent(), /\(3 versions\)/);
    // Sizes are read as sizes: "(2.1 KiB)", not a raw byte count.
    assert.match(await (await openVersion(page, MODEL, 1)).textContent(), /Artifact[\s\S]*\(\d+\.\d (KiB|MiB)\)/);
  },
  LONG,
);

test('version 1 goes to Staging, then Production, each move with its reason', async (s) => {
  const page = s.page;
  let result = await move(page, MODEL, 1, 'Staging', { reason: 'first candidate' });
  assert.equal(result.text, `Moved version 1 of "${MODEL}" from Development to Staging.`);
  result = await move(page, MODEL, 1, 'Production', { reason: 'good enough to start' });
  assert.equal(result.blocked, false, result.text);
  assert.equal((await stages(page, MODEL)).v1, 'Production');
});

test('a gate on accuracy relative to Production blocks the worse version 2 and says why; the attempt is in the history', async (s) => {
  const page = s.page;
  const gates = page.getByRole('form', { name: 'Promotion gates' });
  await gates.getByRole('button', { name: 'Add metric gate' }).click();
  await gates.getByLabel('Metric of gate 1').fill('accuracy');
  await gates.getByLabel('Maximum regression of gate 1').fill('0');
  await gates.getByRole('button', { name: 'Save gates' }).click();
  await page.locator('p[role="status"]', { hasText: `Saved the promotion gates of "${MODEL}".` }).waitFor();

  const result = await move(page, MODEL, 2, 'Production', { reason: 'try the stump' });
  assert.equal(result.blocked, true);
  assert.match(result.text, /metric:accuracy:regression/);
  assert.match(result.text, /lower \(worse\) than Production version 1/);
  assert.equal((await stages(page, MODEL)).v2, 'Development');
  const history = page.getByRole('table', { name: `Stage history of ${MODEL}` });
  const blocked = history.locator('tr[data-outcome="blocked"]');
  assert.equal(await blocked.count(), 1);
  assert.match(
    await blocked.textContent(),
    /v2.*Development → Production.*blocked.*metric:accuracy:regression.*ana.*try the stump/s,
  );
});

test('with approval required, version 3 is blocked until approved, then promoted; version 1 is archived', async (s) => {
  const page = s.page;
  const gates = page.getByRole('form', { name: 'Promotion gates' });
  await gates.getByRole('checkbox', { name: 'Approval required' }).check();
  await gates.getByRole('button', { name: 'Save gates' }).click();
  await page.locator('p[role="status"]', { hasText: 'Saved the promotion gates' }).waitFor();

  // Version 2's blocked reason ("try the stump") must not carry over to version 3's form.
  const form = (await openVersion(page, MODEL, 3)).getByRole('form', { name: 'Move version 3' });
  assert.equal(await form.getByLabel('Reason').inputValue(), '');
  let result = await move(page, MODEL, 3, 'Production', { reason: 'better model' });
  assert.equal(result.blocked, true);
  assert.match(result.text, /approval: This promotion needs an approval/);
  // After the blocked attempt the form keeps the chosen stage, the reason and the approval fields.
  assert.equal(await form.getByLabel('Move to').inputValue(), 'Production');
  assert.equal(await form.getByLabel('Reason').inputValue(), 'better model');
  assert.ok(await form.getByLabel('Approver').isVisible());

  result = await move(page, MODEL, 3, 'Production', {
    reason: 'better model',
    approver: 'bo',
    comment: 'checked the card and the metrics',
  });
  assert.equal(result.text, `Moved version 3 of "${MODEL}" from Development to Production. Version 1 was archived.`);
  assert.deepEqual(await stages(page, MODEL), { v3: 'Production', v2: 'Development', v1: 'Archived' });

  const rows = page.getByRole('table', { name: `Stage history of ${MODEL}` }).locator('tbody tr');
  const texts = await rows.evaluateAll((trs) =>
    trs.map((tr) =>
      [...tr.cells]
        .slice(1)
        .map((c) => c.textContent.replace(/\s+/g, ' ').trim())
        .join(' | '),
    ),
  );
  assert.equal(texts.length, 6, texts.join('\n'));
  // Newest first: the archive caused by the promotion comes right after it.
  assert.equal(texts[0], 'v1 | Production → Archived | done | ana | Replaced in Production by version 3. | —');
  assert.equal(
    texts[1],
    'v3 | Development → Production | done | ana | better model | bo: “checked the card and the metrics”',
  );
  assert.match(texts[2], /^v3 \| Development → Production \| blocked approval: This promotion needs an approval/);
  assert.equal(texts[5], 'v1 | Development → Staging | done | ana | first candidate | —');
});

test('the time slider shows the registry as it was before version 3 was promoted, and back to now', async (s) => {
  const page = s.page;
  const slider = page.getByRole('slider', { name: 'Registry as of' });
  const last = Number(await slider.getAttribute('max'));
  // Stops: v1, v2, v3 registered; v1 → Staging; v1 → Production; v3 → Production.
  assert.equal(last, 5);
  await slideTo(page, last - 1);
  assert.deepEqual(await stages(page, MODEL), { v3: 'Development', v2: 'Development', v1: 'Production' });
  assert.match(await page.getByTestId('registry-moment').textContent(), /change 5 of 6/);
  await slideTo(page, 3);
  assert.deepEqual(await stages(page, MODEL), { v3: 'Development', v2: 'Development', v1: 'Staging' });
  await slideTo(page, 0);
  assert.deepEqual(await stages(page, MODEL), { v1: 'Development' });
  await page.getByRole('button', { name: 'Back to now' }).click();
  assert.deepEqual(await stages(page, MODEL), { v3: 'Production', v2: 'Development', v1: 'Archived' });
});

test('versions compare side by side, and the alias champion is set on version 3', async (s) => {
  const page = s.page;
  await page.getByRole('checkbox', { name: 'Select version 1 for comparison' }).check();
  await page.getByRole('checkbox', { name: 'Select version 3 for comparison' }).check();
  const table = page.getByRole('table', { name: 'Version comparison' });
  await table.waitFor();
  assert.deepEqual(await table.locator('thead th').allTextContents(), ['Field', 'v1', 'v3']);
  assert.deepEqual((await table.locator('tr[data-metric="accuracy"] td').allTextContents()).map(Number), [
    accuracy.v1,
    accuracy.v3,
  ]);
  assert.equal(await table.locator('tr[data-parameter="model.kind"]').getAttribute('data-differs'), 'true');
  assert.doesNotMatch(
    (await table.locator('tr[data-field="dataset"]').getAttribute('class')) ?? '',
    /\bdiffers\b/,
    'same dataset version',
  );
  assert.match(await table.locator('tr[data-field="signature"]').textContent(), /same as v1/);

  const panel = await openVersion(page, MODEL, 3);
  await panel.getByRole('form', { name: 'Aliases of version 3' }).getByLabel('Aliases').fill('champion');
  await panel.getByRole('button', { name: 'Save aliases' }).click();
  await versionsTable(page, MODEL).locator('tr[data-version="3"] code.alias', { hasText: 'champion' }).waitFor();
});

test('the model card shows metrics with 95% intervals; intended use is edited and exported as Markdown', async (s) => {
  const page = s.page;
  const panel = await openVersion(page, MODEL, 3);
  const card = panel.getByRole('region', { name: 'Model card' });
  const row = card.locator('tr[data-metric="accuracy"]');
  await row.waitFor();
  assert.match(await row.locator('td').nth(1).textContent(), /^0\.\d{4}–[01]\.\d{4}$/);
  await card.getByLabel('Intended use').fill('Teaching: species from bill and flipper measurements.');
  await card.getByLabel('Limitations').fill('Three islands, 2007–2009 only.');
  await card.getByRole('button', { name: 'Save card' }).click();
  await page.locator('p[role="status"]', { hasText: 'Saved the model card of version 3.' }).waitFor();
  const file = await download(page, card.getByRole('button', { name: 'Export Markdown' }));
  assert.equal(file.name, `${MODEL}-v3-model-card.md`);
  const text = new TextDecoder().decode(file.bytes);
  assert.match(text, /^# Model card: penguin-species v3/);
  assert.match(text, /## Intended use\n\nTeaching: species from bill and flipper measurements\./);
  assert.match(text, /champion/);
});

test('the lineage graph links the dataset to the runs and versions; a model node opens its version', async (s) => {
  const page = s.page;
  await goTo(page, 'Lineage');
  const graph = page.getByRole('group', { name: 'Lineage graph' });
  await graph.waitFor();
  assert.equal(await graph.locator('g.node.dataset').count(), 1);
  assert.equal(await graph.locator('g.node.run').count(), 3);
  assert.equal(await graph.locator('g.node.model').count(), 3);
  assert.equal(await graph.locator('path.edge:not(.lit)').count(), 6);
  assert.equal(await graph.locator('g[data-stale="true"]').count(), 0);
  // Hovering a run lights its own two edges (dataset → run → version) over the boxes and dims the other four.
  const run = graph.getByRole('button', { name: 'Run forest #1' });
  await run.hover();
  const runId = await run.getAttribute('data-node-id');
  const lit = await graph
    .locator('path.edge.lit')
    .evaluateAll((paths) => paths.map((p) => [p.getAttribute('data-lit-from'), p.getAttribute('data-lit-to')]));
  assert.equal(lit.length, 2);
  assert.ok(
    lit.every(([from, to]) => from === runId || to === runId),
    JSON.stringify(lit),
  );
  assert.equal(await graph.locator('path.edge.dimmed').count(), 4);
  await page.mouse.move(0, 0);
  assert.equal(await graph.locator('path.edge.lit').count(), 0);
  await graph.getByRole('button', { name: `Model version ${MODEL} v3` }).click();
  await page.getByRole('heading', { name: 'Model registry' }).waitFor();
  await page.locator(`article[data-version-id="${MODEL}@3"]`).waitFor();
});

test('a newer dataset version marks the models trained on the old one as stale, with the reason', async (s) => {
  const page = s.page;
  await goTo(page, 'Versions');
  await page.getByRole('button', { name: /^Open penguins / }).click();
  await waitForDraft(page, 'penguins');
  // Roles are not part of the data; a type is: island as free text makes a new version.
  await page.getByLabel('Type of island', { exact: true }).selectOption('text');
  await page.getByLabel('Type of island', { exact: true }).and(page.locator(':enabled')).waitFor();
  await saveVersion(page, { name: 'penguins-island-text' });
  await goTo(page, 'Lineage');
  const graph = page.getByRole('group', { name: 'Lineage graph' });
  await graph.locator('g.node.dataset').nth(1).waitFor();
  assert.equal(await graph.locator('g.node.model[data-stale="true"]').count(), 3);
  assert.equal(await graph.locator('g.node.run[data-stale="true"]').count(), 3);
  assert.match(
    await page.getByRole('region', { name: /^Stale/ }).textContent(),
    /a newer version "penguins-island-text"/,
  );
});

test('the audit view filters by type and actor, searches, verifies the chain and exports JSON Lines', async (s) => {
  const page = s.page;
  await goTo(page, 'Audit log');
  const table = page.getByRole('table', { name: 'Audit events, newest first' });
  await table.waitFor();
  const filters = page.getByRole('form', { name: 'Filter events' });
  await filters.getByLabel('Type').selectOption('model.promotion_blocked');
  assert.equal(await table.locator('tbody tr').count(), 2);
  await filters.getByLabel('Type').selectOption('');
  await filters.getByLabel('Search').fill(`${MODEL}@2`);
  // Subjects read as names ("penguin-species v2"), and the search finds events by their ids too.
  const subjects = await table.locator('tbody tr td:nth-child(5)').allTextContents();
  assert.deepEqual([...new Set(subjects)], [`${MODEL} v2`]);
  assert.equal(subjects.length, 2, 'registered and blocked');
  // A row expands to its full payload.
  const blockedRow = table.locator('tbody tr', { hasText: 'model.promotion_blocked' });
  assert.match(
    await blockedRow.locator('td:nth-child(6)').textContent(),
    /Development → Production blocked by metric:accuracy:regression · “try the stump”/,
  );
  const seq = await blockedRow.getAttribute('data-seq');
  await blockedRow.getByRole('button', { name: `Show event ${seq}` }).click();
  const payload = JSON.parse(await page.getByTestId(`payload-${seq}`).textContent());
  assert.equal(payload.data.reason, 'try the stump');
  assert.equal(payload.subject, `${MODEL}@2`);
  await filters.getByLabel('Search').fill('forest #1');
  assert.ok((await table.locator('tbody tr td:nth-child(5)').allTextContents()).includes('run "forest #1"'));
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('Actor').selectOption('ana');
  const all = await page.getByTestId('audit-count').textContent();
  const [, shown, total] = /Showing (\d+) of (\d+) events/.exec(all).map(Number);
  assert.equal(shown, total, 'every event was written by ana');

  await page.getByRole('button', { name: 'Verify chain' }).click();
  const status = page.getByTestId('chain-status');
  await status.filter({ hasText: 'Chain intact' }).waitFor();
  assert.equal(await status.getAttribute('data-ok'), 'true');
  assert.match(await status.textContent(), new RegExp(`all ${total} events verified`));

  const file = await download(page, page.getByRole('button', { name: 'Export JSON Lines' }));
  assert.equal(file.name, 'audit-log.jsonl');
  const events = new TextDecoder()
    .decode(file.bytes)
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(events.length, total);
  assert.deepEqual(
    events.map((e) => e.seq),
    events.map((_, i) => i + 1),
  );
  const types = events.map((e) => e.type);
  for (const type of [
    'model.registered',
    'model.stage_changed',
    'model.promotion_blocked',
    'model.gates_set',
    'model.aliases_set',
    'model.card_updated',
  ]) {
    assert.ok(types.includes(type), `${type} is in the log`);
  }
  assert.equal(
    events.find((e) => e.type === 'model.stage_changed' && e.data.approver === 'bo')?.data.archivedVersion,
    1,
  );
});

test('version 3 is exported as a .zip and imported into a fresh browser profile', async (s) => {
  const page = s.page;
  await goTo(page, 'Registry');
  const panel = await openVersion(page, MODEL, 3);
  bundle = await download(page, panel.getByRole('button', { name: 'Export .zip' }));
  assert.equal(bundle.name, `${MODEL}-v3.zip`);
  assert.ok(Object.keys(unzipSync(bundle.bytes)).includes(`${MODEL}-v3/linear-model.json`));

  const fresh = new Session({ executablePath: s.executablePath, baseUrl: s.baseUrl });
  try {
    await fresh.start();
    const other = await fresh.open('#registry');
    await other.getByText('No models yet').waitFor();
    const input = other.getByLabel('Import a model bundle (.zip)');
    await input.setInputFiles({ name: bundle.name, mimeType: 'application/zip', buffer: Buffer.from(bundle.bytes) });
    await other
      .locator('p[role="status"]', { hasText: `Imported ${bundle.name} as version 3 of "${MODEL}", in Development.` })
      .waitFor();
    assert.deepEqual(await stages(other, MODEL), { v3: 'Development' });
    // Only v3 is here: the list counts the versions present, not the highest number.
    assert.match(await other.getByLabel('Model').locator('option', { hasText: MODEL }).textContent(), /\(1 version\)/);
    const imported = await openVersion(other, MODEL, 3);
    // It keeps its original author; the import is recorded beside it.
    assert.match(await imported.textContent(), /Created.* by ana/);
    assert.match(await imported.getByTestId('imported').textContent(), new RegExp(`by local-user, from ${MODEL}@3`));
    assert.match(await imported.getByTestId('card-markdown').textContent(), /## Intended use\n\nTeaching: species/);
    // Its run and dataset are in the other profile: its metrics are only the exporter's word, and say so.
    assert.match(await imported.getByTestId('metrics-reported').textContent(), /reported by the exporter/);
    assert.match(
      await imported.getByRole('region', { name: 'Model card' }).textContent(),
      /metrics are reported by the exporter/,
    );

    // The same bundle again would only duplicate the version.
    await input.setInputFiles({ name: bundle.name, mimeType: 'application/zip', buffer: Buffer.from(bundle.bytes) });
    assert.match(
      await other.getByRole('alert').filter({ hasText: 'already version 3' }).textContent(),
      /is already version 3 of "penguin-species"/,
    );
    await other.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();

    // One changed coefficient: the checksum in the manifest no longer matches.
    const files = unzipSync(bundle.bytes);
    const path = `${MODEL}-v3/linear-model.json`;
    const text = new TextDecoder().decode(files[path]);
    files[path] = new TextEncoder().encode(
      text.replace(/(\d)(\d)([,\]])/, (_, a, b, end) => `${a}${(Number(b) + 1) % 10}${end}`),
    );
    await input.setInputFiles({
      name: 'tampered.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zipSync(files)),
    });
    const alert = other.getByRole('alert');
    await alert.waitFor();
    assert.match(
      await alert.textContent(),
      /linear-model\.json does not match its checksum in manifest\.json: the bundle is corrupted or was edited/,
    );
    assert.deepEqual(await stages(other, MODEL), { v3: 'Development' }, 'nothing was stored');
    assert.deepEqual(fresh.takePageErrors(), []);
  } finally {
    await fresh.dispose();
  }
});

test('Verify chain names the first broken event after one event is edited in IndexedDB', async (s) => {
  const page = s.page;
  await goTo(page, 'Audit log');
  const blockedSeq = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('mlops-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('audit', 'readwrite').objectStore('audit');
          const all = store.getAll();
          all.onsuccess = () => {
            // Someone rewrites history: the first blocked attempt now names another actor.
            const event = all.result.find((e) => e.type === 'model.promotion_blocked');
            store.put({ ...event, actor: 'mallory' }).onsuccess = () => {
              db.close();
              resolve(event.seq);
            };
          };
        };
      }),
  );
  await page.getByRole('form', { name: 'Filter events' }).getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('button', { name: 'Verify chain' }).click();
  const status = page.getByTestId('chain-status');
  await status.filter({ hasText: 'Chain broken' }).waitFor();
  assert.equal(await status.getAttribute('data-ok'), 'false');
  assert.equal(
    await status.textContent(),
    `Chain broken at event ${blockedSeq}: event ${blockedSeq} was edited: its content no longer matches its hash.`,
  );
  assert.match(await page.locator(`tr[data-seq="${blockedSeq}"]`).getAttribute('class'), /\bbroken\b/);
});
