/**
 * Workspace bundles in the browser: a workspace (iris, a trained and
 * registered run promoted to Staging, its audit log) is exported from the
 * Storage view, a tampered copy is refused in a fresh browser profile with
 * the failing file named and nothing imported, and the real bundle is
 * imported there with its data, runs, registry and audit chain intact.
 */
import { unzipSync, zipSync } from 'fflate';
import { LONG, test } from './harness.js';
import { assert, goTo, listedVersions, saveVersion, waitForDraft } from './helpers.js';
import { download, move, registerRun, stages } from './registry-helpers.js';
import { chooseModel, listedRuns, trainAndWait } from './train-helpers.js';
import { Session } from './session.js';

const MODEL = 'iris-bundle';
const exported = { bytes: null, versions: null, runs: null, events: null };

/** Verifies the audit chain in the Audit view and returns its status sentence. */
async function verifyChain(page) {
  await goTo(page, 'Audit log');
  await page.getByRole('button', { name: 'Verify chain' }).click();
  const status = page.getByTestId('chain-status');
  await status.filter({ hasText: /Chain intact|broken|altered/i }).waitFor();
  return (await status.textContent()).replace(/\s+/g, ' ').trim();
}

/** Imports `bytes` as a workspace bundle from the Storage view; returns the status line or the alert. */
async function importBundle(page, bytes, name = 'workspace.zip') {
  await goTo(page, 'Storage');
  await page
    .getByLabel('Import workspace (.zip)')
    .setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  const status = page.getByTestId('bundle-status').filter({ hasText: /\S/ });
  const alert = page.getByRole('alert').filter({ hasText: 'Import refused' });
  await status.or(alert).first().waitFor({ timeout: 120_000 });
  return ((await alert.count()) ? await alert.first().textContent() : await status.textContent()).trim();
}

test(
  'a workspace with data, a registered run promoted to Staging and its audit log is exported as one zip',
  async (s) => {
    const page = await s.open();
    await page.getByRole('button', { name: 'Load Iris' }).click();
    await waitForDraft(page, 'iris.csv');
    await saveVersion(page);
    await goTo(page, 'Train');
    await chooseModel(page, 'Logistic regression');
    await trainAndWait(page, 'logistic #1');
    await goTo(page, 'Runs');
    await registerRun(page, 'logistic #1', MODEL);
    await goTo(page, 'Registry');
    const moved = await move(page, MODEL, 1, 'Staging', { reason: 'bundle test' });
    assert.equal(moved.blocked, false, moved.text);

    const chain = await verifyChain(page);
    assert.match(chain, /^Chain intact: all \d+ events verified/);
    exported.events = Number(/all (\d+) events/.exec(chain)[1]);
    await goTo(page, 'Versions');
    exported.versions = await listedVersions(page);
    await goTo(page, 'Runs');
    exported.runs = (await listedRuns(page)).map((r) => ({ name: r.name, status: r.status }));

    await goTo(page, 'Storage');
    const file = await download(page, page.getByRole('button', { name: 'Export workspace' }));
    assert.match(file.name, /^workspace-\d{4}-\d{2}-\d{2}\.zip$/);
    assert.match(
      await page.getByTestId('bundle-status').textContent(),
      /^Exported workspace-.*: 1 dataset versions, 1 runs, 1 model versions/,
    );
    const files = unzipSync(file.bytes);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    assert.equal(manifest.format, 'mlops-workbench-workspace-bundle');
    assert.equal(manifest.audit.events, exported.events);
    assert.equal(manifest.counts.modelVersions, 1);
    assert.equal(manifest.counts.stageTransitions, 1);
    exported.bytes = file.bytes;
  },
  LONG,
);

test(
  'in a fresh browser profile, a tampered bundle is refused naming the file and nothing is imported; the real one imports intact',
  async (s) => {
    const fresh = new Session({ executablePath: s.executablePath, baseUrl: s.baseUrl });
    try {
      await fresh.start();
      const page = await fresh.open();
      const files = unzipSync(exported.bytes);
      const blob = Object.keys(files).find((name) => name.startsWith('blobs/'));
      files[blob] = files[blob].slice();
      files[blob][files[blob].length >> 1] ^= 0x20;
      const refused = await importBundle(page, zipSync(files), 'tampered.zip');
      assert.match(
        refused,
        new RegExp(
          `Import refused: The workspace bundle was altered or truncated: "${blob}" does not match its SHA-256`,
        ),
      );
      const truncated = await importBundle(page, exported.bytes.slice(0, exported.bytes.length >> 1), 'truncated.zip');
      assert.match(truncated, /Import refused: The workspace bundle cannot be unpacked/);
      await goTo(page, 'Versions');
      assert.equal(await page.getByRole('table', { name: 'Dataset versions, newest first' }).count(), 0);

      const status = await importBundle(page, exported.bytes);
      assert.match(
        status,
        /^Imported 1 dataset versions, 1 runs, 1 model versions, \d+ audit events; every hash and the audit chain verified/,
      );
      await goTo(page, 'Versions');
      assert.deepEqual(await listedVersions(page), exported.versions);
      await goTo(page, 'Runs');
      assert.deepEqual(
        (await listedRuns(page)).map((r) => ({ name: r.name, status: r.status })),
        exported.runs,
      );
      await goTo(page, 'Registry');
      assert.deepEqual(await stages(page, MODEL), { v1: 'Staging' });
      assert.match(await verifyChain(page), new RegExp(`^Chain intact: all ${exported.events} events verified`));

      // The workspace now holds work: a second import is refused and changes nothing.
      const again = await importBundle(page, exported.bytes);
      assert.match(again, /Import refused: This browser already holds a workspace/);
      assert.match(await verifyChain(page), new RegExp(`^Chain intact: all ${exported.events} events verified`));
      assert.deepEqual(fresh.takePageErrors(), []);
    } finally {
      await fresh.dispose();
    }
  },
  LONG,
);
