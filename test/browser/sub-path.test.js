/**
 * The build is static and uses relative URLs, so any static host can serve
 * it under a sub-path. A small proxy serves the preview's files under
 * /courses/mlops/workbench/ on another origin (so the first page's service
 * worker does not answer for it); the app, its workers and its service
 * worker must all load from there, and a run must train.
 */
import { createServer, request } from 'node:http';
import { test } from './harness.js';
import { assert, goTo } from './helpers.js';
import { chooseModel, setField, trainAndWait, trainForm } from './train-helpers.js';

const PREFIX = '/courses/mlops/workbench';

/** Serves `target`'s files under PREFIX; anything outside it is a 404, as on a real host. */
function subPathHost(target) {
  const upstream = new URL(target);
  const requested = [];
  const server = createServer((req, res) => {
    requested.push(req.url);
    if (!req.url.startsWith(`${PREFIX}/`)) {
      res.writeHead(404).end('outside the sub-path');
      return;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path: req.url.slice(PREFIX.length), method: req.method },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  return { server, requested };
}

test('served from a sub-path of another host, the app, its workers and its service worker load, and a run trains', async (s) => {
  const { server, requested } = subPathHost(s.baseUrl);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address();
    const page = s.page;
    await page.goto(`http://127.0.0.1:${port}${PREFIX}/`);
    await page.getByRole('heading', { name: 'MLOps Workbench' }).waitFor();
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, `http://127.0.0.1:${port}${PREFIX}/`);
    await goTo(page, 'Train');
    await page.getByRole('button', { name: 'Use the Palmer penguins sample' }).click();
    await trainForm(page).waitFor();
    await chooseModel(page, 'Random forest');
    await setField(page, 'Trees', 3);
    const report = await trainAndWait(page, 'forest #1');
    assert.equal(await report.getAttribute('data-status'), 'completed');
    const outside = requested.filter((url) => !url.startsWith(`${PREFIX}/`));
    assert.deepEqual(outside, [], 'every request stays under the sub-path');
    assert.deepEqual(s.takePageErrors(), []);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
