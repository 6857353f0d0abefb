import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbenchInProcess } from './run-workbench.ts';

let dir: string;
const path = (name: string) => join(dir, name);
const definitions = (amountExpression: string) => ({
  entities: [{ name: 'customer', joinKeys: ['customer_id'] }],
  featureViews: [
    {
      name: 'spend',
      entity: 'customer',
      source: 'transactions',
      eventTime: 'event_time',
      ttl: '7d',
      features: [{ name: 'amount_x2', expression: amountExpression }, 'channel'],
    },
  ],
  featureServices: [{ name: 'churn', views: ['spend'] }],
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-features-'));
  writeFileSync(
    path('transactions.csv'),
    [
      'customer_id,event_time,amount,channel',
      'c1,2024-01-01T00:00:00Z,10,web',
      'c1,2024-01-03T00:00:00Z,30,store',
      'c2,2024-01-02T00:00:00Z,5,web',
      'c2,2024-01-20T00:00:00Z,7,store',
    ].join('\n'),
  );
  writeFileSync(path('typo.json'), JSON.stringify(definitions('amont * 2')));
  writeFileSync(path('features.json'), JSON.stringify(definitions('amount * 2')));
  writeFileSync(
    path('entities.csv'),
    [
      'customer_id,label_time,label',
      'c1,2024-01-04T00:00:00Z,1',
      'c2,2024-01-04T00:00:00Z,0',
      'c1,2024-01-30T00:00:00Z,1',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workbench features apply / historical / materialize / online', () => {
  it('runs the feature store end to end on a workspace folder', async () => {
    const ws = ['--workspace', path('ws')];
    const typo = await workbenchInProcess(
      'features',
      'apply',
      path('typo.json'),
      '--dataset',
      path('transactions.csv'),
      ...ws,
    );
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/Feature "spend.amount_x2": In 'amont \* 2' at 1–5 \('amont'\)/);

    const applied = await workbenchInProcess('features', 'apply', path('features.json'), ...ws, '--json');
    expect(applied.stderr).toBe('');
    expect(JSON.parse(applied.stdout).views).toMatchObject([{ id: 'spend@1', changed: true }]);
    expect(JSON.parse(applied.stdout).services).toEqual([{ id: 'churn@1', changed: true }]);

    const historical = await workbenchInProcess(
      'features',
      'historical',
      '--entities',
      path('entities.csv'),
      '--features',
      'churn',
      '--out',
      path('train.csv'),
      ...ws,
      '--json',
    );
    expect(historical.stderr).toBe('');
    expect(JSON.parse(historical.stdout).views).toEqual([{ id: 'spend@1', matched: 2, leakedByNaiveJoin: 1 }]);
    expect(readFileSync(path('train.csv'), 'utf8').trim().split('\r\n')).toEqual([
      'customer_id,label_time,label,amount_x2,channel',
      'c1,2024-01-04T00:00:00Z,1,60,store',
      'c2,2024-01-04T00:00:00Z,0,10,web',
      // the 3rd is older than the 7-day TTL on the 30th
      'c1,2024-01-30T00:00:00Z,1,,',
    ]);

    const materialized = await workbenchInProcess(
      'features',
      'materialize',
      '--end',
      '2024-01-25T00:00:00Z',
      ...ws,
      '--json',
    );
    expect(JSON.parse(materialized.stdout)).toEqual({
      end: '2024-01-25T00:00:00.000Z',
      incremental: false,
      views: [{ id: 'spend@1', entities: 2 }],
    });

    const online = await workbenchInProcess('features', 'online', 'churn', '--keys', 'c1,c2,nobody', ...ws, '--json');
    expect(JSON.parse(online.stdout)).toEqual({
      features: ['amount_x2', 'channel'],
      rows: [
        // c1's newest row (the 3rd) is 22 days old at the 25th: past the TTL, as in training
        { key: 'c1', values: [null, null] },
        { key: 'c2', values: [14, 'store'] },
        { key: 'nobody', values: [null, null] },
      ],
    });
    const audit = await workbenchInProcess('audit', 'verify', ...ws);
    expect(audit.code).toBe(0);
  });
});

describe('training from features', () => {
  it('trains on an entity table joined with a feature service and records the view versions', async () => {
    const { datasetId } = await import('../../../src/core/data/versions/dataset-id.ts');
    const { parseCsv } = await import('../../../src/core/data/ingest/parse-csv.ts');
    const { defaultPipelineSpec } = await import('../../../src/core/train/pipeline-spec.ts');
    const ws = ['--workspace', path('train-ws')];
    const lines = ['customer_id,label_time,label'];
    for (let i = 0; i < 40; i++)
      lines.push(`${i % 2 === 0 ? 'c1' : 'c2'},2024-01-${String(4 + (i % 20)).padStart(2, '0')}T00:00:00Z,${i % 2}`);
    const csv = lines.join('\n');
    writeFileSync(path('train-entities.csv'), csv);
    const spec = {
      ...defaultPipelineSpec(await datasetId(parseCsv(new TextEncoder().encode(csv)).table), 'label', 'logistic'),
      features: ['amount_x2'],
      featureSource: { service: 'churn', timestamp: 'label_time', views: [] },
    };
    writeFileSync(path('spec.json'), JSON.stringify(spec));
    const applied = await workbenchInProcess(
      'features',
      'apply',
      path('features.json'),
      '--dataset',
      path('transactions.csv'),
      ...ws,
    );
    expect(applied.code).toBe(0);
    const run = await workbenchInProcess(
      'run',
      path('spec.json'),
      '--data',
      path('train-entities.csv'),
      ...ws,
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { runId: string; spec: { featureSource: unknown; features: string[] } };
    expect(report.spec.featureSource).toEqual({ service: 'churn', timestamp: 'label_time', views: ['spend@1'] });
    const { FileWorkspaceStore } = await import('../../../src/adapters/folder-store/file-workspace-store.ts');
    const { buildLineage } = await import('../../../src/core/lineage/build-lineage.ts');
    const store = await FileWorkspaceStore.open(path('train-ws'), { create: false });
    const graph = buildLineage({
      datasetVersions: await store.listDatasetVersions(),
      runs: await store.listRuns(),
      modelVersions: [],
      featureViews: await store.listRecords('featureViews'),
    });
    const transactions = (await store.listDatasetVersions()).find((d) => d.name === 'transactions')!;
    expect(graph.edges.filter((e) => e.kind === 'computed' || e.kind === 'served')).toEqual([
      { from: `dataset:${transactions.id}`, to: 'featureView:spend@1', kind: 'computed' },
      { from: 'featureView:spend@1', to: `run:${report.runId}`, kind: 'served' },
    ]);
  });
});
