/**
 * The Features area's state over the memory store, the features worker's
 * service run in-process, on the bundled Grunfeld sample: a view defined
 * with a typo, fixed and applied; the point-in-time join and its leak count
 * against a count made here from the CSV; the joined table saved; the online
 * store materialized and a key's vector equal to its offline value and to
 * the values read from the CSV.
 */
import { describe, expect, it } from 'vitest';
import { FeatureJoinState } from '../../../src/state/feature-join-state.svelte.ts';
import { FeatureOnlineState, parseKeys } from '../../../src/state/feature-online-state.svelte.ts';
import { APPLY_ORIGIN } from '../../../src/state/apply-in-app.ts';
import { fill, ROWS, setUp } from './fakes/grunfeld-features.ts';

describe('the Features area state', () => {
  it('flags an expression typo at its position with a suggestion, then applies the fixed view as version 1', async () => {
    const { context, form, catalog } = await setUp();
    fill(form, 'invest / captial');
    expect(form.problems[0]).toEqual([{ message: "no column 'captial' — did you mean 'capital'?", start: 9, end: 16 }]);
    expect(form.ready).toBe(false);

    form.setFeature(0, { name: 'invest_ratio', expression: 'invest / capital' });
    expect(form.problems).toEqual([[], []]);
    expect(form.ready).toBe(true);
    await form.apply();
    expect(form.error).toBeNull();
    expect(form.applied).toEqual({ viewId: 'firm_finance@1', changed: true });
    expect(catalog.views.map((v) => v.id)).toEqual(['firm_finance@1']);
    const events = await context.store.listAudit();
    expect(events.at(-1)).toMatchObject({ type: 'features.applied', subject: APPLY_ORIGIN });

    await form.apply();
    expect(form.applied).toEqual({ viewId: 'firm_finance@1', changed: false });
    form.ttl = '365d';
    await form.apply();
    expect(form.applied).toEqual({ viewId: 'firm_finance@2', changed: true });
    expect(catalog.views.map((v) => v.id)).toEqual(['firm_finance@2', 'firm_finance@1']);
    expect(catalog.latest.map((v) => v.id)).toEqual(['firm_finance@2']);
  });

  it('joins point-in-time, counts the rows a naive join leaks, and saves the table as a child version', async () => {
    const { context, version, service, form } = await setUp();
    fill(form, 'invest / capital');
    await form.apply();
    const join = new FeatureJoinState(context, service);
    join.entityVersionId = version.id;
    join.timestamp = 'year_end';
    join.toggleView('firm_finance@1', true);
    await join.runPreview();
    expect(join.error).toBeNull();
    const newest = new Map<string, number>();
    for (const r of ROWS) newest.set(r.firm, Math.max(newest.get(r.firm) ?? -Infinity, r.time));
    const leaked = ROWS.filter((r) => newest.get(r.firm)! > r.time).length;
    expect(join.preview?.views).toEqual([{ viewId: 'firm_finance@1', matchedRows: ROWS.length, leakedRows: leaked }]);
    expect(join.preview?.schema.map((c) => c.name)).toEqual([
      'firm',
      'year_end',
      'invest',
      'value',
      'capital',
      'invest_ratio',
      'mean_invest_3y',
    ]);
    // The timeline: every firm has 20 rows, all matched, all but the newest leaked by a naive join;
    // the first shown is the first firm by name (they tie on leaks).
    const firms = [...newest.keys()].sort();
    expect(join.preview?.timeline.total).toBe(firms.length);
    expect(join.preview?.timeline.entities).toEqual(firms.map((key) => ({ key, rows: 20, leaked: 19, unmatched: 0 })));
    expect(join.timeline?.key).toBe(firms[0]);
    await join.showEntity('IBM');
    const ibm = ROWS.flatMap((r, i) => (r.firm === 'IBM' ? [i] : []));
    expect(join.timeline?.rows.map((r) => r.row)).toEqual(ibm);
    const [lane] = join.timeline!.views;
    // The source is the entity table itself: each row gets its own row; the naive join, IBM's 1954 row.
    expect(lane.links.map((l) => [l.row, l.picked, l.status])).toEqual(ibm.map((i) => [i, i, 'matched']));
    expect(lane.links.map((l) => l.naive)).toEqual(ibm.map(() => ibm.at(-1)));
    expect(lane.links.filter((l) => l.naiveFuture)).toHaveLength(19);
    expect(lane.links[5].windowStart).toBe(ROWS[ibm[5]].time - 730 * 86_400_000);
    // Each row's own year is the latest at or before its time: the ratio of its own cells.
    expect(Number(join.preview?.rows[0][5])).toBeCloseTo(ROWS[0].invest / ROWS[0].capital, 9);

    await join.save('grunfeld + features', '');
    expect(join.saved?.created).toBe(true);
    expect(join.saved?.version.parentId).toBe(version.id);
    expect(join.saved?.version.rowCount).toBe(ROWS.length);
    expect(join.saved?.version.schema.at(-2)).toEqual({ name: 'invest_ratio', type: 'number', role: 'feature' });
    expect(join.saved?.version.featureJoin).toEqual({
      viewIds: ['firm_finance@1'],
      service: null,
      timestamp: 'year_end',
      ignoreCreatedAfter: false,
    });
  });

  it('materializes with progress, and a looked-up vector equals its offline value and the CSV', async () => {
    const { context, service, form } = await setUp();
    fill(form, 'invest / capital');
    await form.apply();
    const online = new FeatureOnlineState(context, service);
    online.end = '1955-06-30T00:00:00Z';
    await online.materialize();
    expect(online.error).toBeNull();
    expect(online.progress).toEqual({ done: 1, total: 1, viewId: 'firm_finance@1' });
    expect(online.materialized).toEqual({
      end: '1955-06-30T00:00:00.000Z',
      incremental: false,
      views: [{ viewId: 'firm_finance@1', entities: new Set(ROWS.map((r) => r.firm)).size }],
    });
    online.lookupName = 'firm_finance';
    online.keys = 'IBM, Nobody';
    await online.runLookup();
    // 1096 days before 1954-12-31 is 1951-12-31, outside the window (t − 1096d, t]: 1952–1954.
    const ibm = ROWS.filter((r) => r.firm === 'IBM');
    const last = ibm.at(-1)!;
    const mean3 = ibm.slice(-3).reduce((sum, r) => sum + r.invest, 0) / 3;
    expect(online.lookup?.features).toEqual(['invest_ratio', 'mean_invest_3y']);
    expect(online.lookup?.rows[0].online[1]).toBeCloseTo(mean3, 9);
    expect(online.lookup?.rows).toEqual([
      {
        key: 'IBM',
        online: [last.invest / last.capital, online.lookup?.rows[0].online[1]],
        offline: [last.invest / last.capital, online.lookup?.rows[0].online[1]],
      },
      { key: 'Nobody', online: [null, null], offline: [null, null] },
    ]);
  });

  it('refuses a join whose feature names collide with entity columns', async () => {
    const { context, version, service, form } = await setUp();
    fill(form, 'invest / capital');
    form.setFeature(1, { name: 'value', expression: 'value' });
    await form.apply();
    const join = new FeatureJoinState(context, service);
    join.entityVersionId = version.id;
    join.timestamp = 'year_end';
    join.toggleView('firm_finance@1', true);
    await join.runPreview();
    expect(join.preview).toBeNull();
    expect(join.error).toMatch(/two columns called "value"\. Rename the feature/);
  });

  it('reads typed keys with parts joined by "|"', () => {
    expect(parseKeys(' a|1 , b ,, ')).toEqual(['a\u001f1', 'b']);
  });
});
