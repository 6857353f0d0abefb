import { describe, expect, it } from 'vitest';
import { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import { saveCsvDataset } from '../../../src/cli/save-csv-dataset.ts';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { WorkbenchError } from '../../../src/core/errors.ts';
import { applyDefinitions } from '../../../src/core/features/definitions/apply-definitions.ts';
import { parseDefinitions } from '../../../src/core/features/definitions/parse-definitions.ts';
import { materializeAll } from '../../../src/core/features/online/materialize-store.ts';
import { lookupOnline } from '../../../src/core/features/online/online-lookup.ts';
import { onlineValue } from '../../../src/core/features/online/online-value.ts';
import { historicalFeatures } from '../../../src/core/features/retrieval/historical-features.ts';
import { loadViewFrame, serviceViews } from '../../../src/core/features/retrieval/load-view.ts';
import { verifyStore } from '../../../src/core/audit/verify-store.ts';

const encode = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));
const TRANSACTIONS = [
  'customer_id,event_time,amount,channel',
  'c1,2024-01-01T00:00:00Z,10,web',
  'c1,2024-01-03T00:00:00Z,30,store',
  'c2,2024-01-02T00:00:00Z,5,web',
  'c1,2024-01-10T00:00:00Z,50,web',
  'c2,2024-01-20T00:00:00Z,7,store',
  'c3,2024-01-04T00:00:00Z,1,web',
];
const DEFINITIONS = {
  entities: [{ name: 'customer', joinKeys: ['customer_id'] }],
  featureViews: [
    {
      name: 'spend',
      entity: 'customer',
      source: 'transactions',
      eventTime: 'event_time',
      ttl: '5d',
      features: [
        'amount',
        { name: 'log_amount', expression: 'log(amount + 1)' },
        { name: 'web', expression: "channel == 'web'" },
      ],
    },
  ],
  featureServices: [{ name: 'churn', views: ['spend'] }],
};

async function workspace() {
  const store = new MemoryWorkspaceStore();
  await saveCsvDataset(store, encode(TRANSACTIONS), {
    name: 'transactions',
    fileName: 't.csv',
    actor: 'test',
    now: Date.parse('2024-02-01'),
  });
  return store;
}

const apply = (store: MemoryWorkspaceStore, json: unknown, now = Date.parse('2024-02-02')) =>
  applyDefinitions(store, parseDefinitions(json), { actor: 'test', now, origin: 'features.json' });

describe('feature store', () => {
  it('registers definitions once, and a changed definition as a new view version', async () => {
    const store = await workspace();
    const first = await apply(store, DEFINITIONS);
    expect(first.views.map((v) => [v.view.id, v.changed])).toEqual([['spend@1', true]]);
    expect((await apply(store, DEFINITIONS)).event).toBeNull();
    const changed = structuredClone(DEFINITIONS);
    changed.featureViews[0].ttl = '7d';
    const second = await apply(store, changed);
    expect(second.views.map((v) => v.view.id)).toEqual(['spend@2']);
    expect((await store.listRecords('featureViews')).map((v) => v.id).sort()).toEqual(['spend@1', 'spend@2']);
    expect((await serviceViews(store, 'churn')).map((v) => v.id)).toEqual(['spend@2']);
    expect((await verifyStore(store)).ok).toBe(true);
  });

  it('refuses a feature with a typo, pointing at its position', async () => {
    const store = await workspace();
    const typo = structuredClone(DEFINITIONS);
    typo.featureViews[0].features[1] = { name: 'log_amount', expression: 'log(amount + 1) * amont' };
    const error = await apply(store, typo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbenchError);
    const problems = (error as WorkbenchError).details?.problems as {
      feature: string;
      error: { start: number; end: number };
    }[];
    expect(problems.map((p) => [p.feature, p.error.start, p.error.end])).toEqual([['spend.log_amount', 18, 23]]);
    expect((error as WorkbenchError).message).toMatch(
      /Feature "spend.log_amount": In 'log\(amount \+ 1\) \* amont' at 19–23/,
    );
    expect(await store.listRecords('featureViews')).toEqual([]);
  });

  it('builds training rows point-in-time with the TTL and computed features', async () => {
    const store = await workspace();
    await apply(store, DEFINITIONS);
    const [view] = await serviceViews(store, 'churn');
    const entities = parseCsv(
      encode([
        'customer_id,label_time,label',
        'c1,2024-01-04T00:00:00Z,1',
        'c1,2024-01-09T00:00:00Z,0',
        'c2,2024-01-01T00:00:00Z,1',
        'c9,2024-01-05T00:00:00Z,0',
      ]),
    ).table;
    const result = historicalFeatures(entities, 'label_time', [{ view, frame: await loadViewFrame(store, view) }]);
    const amount = result.table.columns.find((c) => c.name === 'amount')!;
    const logAmount = result.table.columns.find((c) => c.name === 'log_amount')!;
    // c1 on the 4th: the 3rd's row; on the 9th the 3rd is 6 days old (TTL 5d); c2 on the 1st: only a future row.
    expect(Array.from({ length: 4 }, (_, r) => onlineValue(amount, r))).toEqual([30, null, null, null]);
    expect(onlineValue(logAmount, 0)).toBeCloseTo(Math.log(31), 12);
    expect(result.views[0].leakedRows).toBe(3);
  });

  it('serves online exactly the vector training gets for the same entity and time', async () => {
    const store = await workspace();
    await apply(store, DEFINITIONS);
    const views = await serviceViews(store, 'churn');
    const frames = await Promise.all(views.map(async (view) => ({ view, frame: await loadViewFrame(store, view) })));
    for (const end of ['2024-01-03T12:00:00Z', '2024-01-12T00:00:00Z', '2024-01-21T00:00:00Z']) {
      const at = Date.parse(end);
      await materializeAll(store, { end: at, actor: 'test', now: at });
      const tables = await Promise.all(
        views.map(async (view) => ({ view, table: (await store.getRecord('onlineFeatures', view.name))! })),
      );
      const keys = ['c1', 'c2', 'c3'];
      const online = lookupOnline(tables, keys, at);
      const entities = parseCsv(encode(['customer_id,t', ...keys.map((k) => `${k},${end}`)])).table;
      const offline = historicalFeatures(entities, 't', frames).table;
      const offlineRows = keys.map((_, r) => offline.columns.slice(2).map((c) => onlineValue(c, r)));
      expect(online.rows.map((r) => r.values)).toEqual(offlineRows);
      expect(offlineRows.flat().some((v) => v !== null)).toBe(true);
    }
  });

  it('materializes incrementally: a later run reads only newer rows and keeps the rest', async () => {
    const store = await workspace();
    await apply(store, DEFINITIONS);
    const first = await materializeAll(store, { end: Date.parse('2024-01-05T00:00:00Z'), actor: 't', now: 1 });
    expect(first.incremental).toBe(false);
    expect(first.tables[0].keys).toEqual(['c1', 'c2', 'c3']);
    expect(first.tables[0].features[0].values).toEqual([30, 5, 1]);
    const second = await materializeAll(store, { end: Date.parse('2024-01-31T00:00:00Z'), actor: 't', now: 2 });
    expect(second.incremental).toBe(true);
    expect(second.tables[0].features[0].values).toEqual([50, 7, 1]);
    expect((await verifyStore(store)).ok).toBe(true);
  });
});
