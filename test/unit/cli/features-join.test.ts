import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbenchInProcess } from './run-workbench.ts';

let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-features-join-'));
  writeFileSync(
    path('entities.csv'),
    [
      'customer,label_time,churned',
      'a,2024-01-05T00:00:00Z,1',
      'b,2024-01-05T00:00:00Z,0',
      'a,2024-01-20T00:00:00Z,0',
      'zz,2024-01-05T00:00:00Z,1',
      'a,2024-01-01T00:00:00Z,1',
    ].join('\n'),
  );
  writeFileSync(
    path('features.csv'),
    [
      'customer,event_time,created,spend,visits',
      'a,2024-01-02T00:00:00Z,2024-01-02T00:00:00Z,10.50,3',
      'a,2024-01-05T00:00:00Z,2024-01-06T00:00:00Z,11.00,4',
      'a,2024-01-05T00:00:00Z,2024-01-07T00:00:00Z,12.25,5',
      'b,2024-01-06T00:00:00Z,2024-01-06T00:00:00Z,99,1',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const joinArgs = (...extra: string[]) => [
  'features',
  'join',
  '--entities',
  path('entities.csv'),
  '--entity-key',
  'customer',
  '--timestamp',
  'label_time',
  '--source',
  path('features.csv'),
  '--event-time',
  'event_time',
  '--created',
  'created',
  ...extra,
];

describe('workbench features join', () => {
  it('keeps every entity row in order with its cells, then the point-in-time feature values', async () => {
    const run = await workbenchInProcess(...joinArgs('--out', path('out.csv'), '--json'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 5, matched: 2, leakedByNaiveJoin: 2 });
    expect(readFileSync(path('out.csv'), 'utf8').trim().split('\r\n')).toEqual([
      'customer,label_time,churned,spend,visits',
      // exact event-time match; the tie goes to the row created last
      'a,2024-01-05T00:00:00Z,1,12.25,5',
      // only a future row for b
      'b,2024-01-05T00:00:00Z,0,,',
      'a,2024-01-20T00:00:00Z,0,12.25,5',
      // unknown entity
      'zz,2024-01-05T00:00:00Z,1,,',
      'a,2024-01-01T00:00:00Z,1,,',
    ]);
  });

  it('applies the TTL, the chosen features and backfill protection', async () => {
    const run = await workbenchInProcess(
      ...joinArgs('--ttl', '7d', '--features', 'spend', '--no-future-created', '--out', path('ttl.csv')),
    );
    expect(run.code).toBe(0);
    expect(readFileSync(path('ttl.csv'), 'utf8').trim().split('\r\n')).toEqual([
      'customer,label_time,churned,spend',
      // both day-5 rows were created after the label time: the day-2 row it could have known
      'a,2024-01-05T00:00:00Z,1,10.50',
      'b,2024-01-05T00:00:00Z,0,',
      // 15 days after the newest row: expired
      'a,2024-01-20T00:00:00Z,0,',
      'zz,2024-01-05T00:00:00Z,1,',
      'a,2024-01-01T00:00:00Z,1,',
    ]);
  });

  it('names the missing column and the columns there are', async () => {
    const run = await workbenchInProcess(
      'features',
      'join',
      '--entities',
      path('entities.csv'),
      '--entity-key',
      'client',
      '--timestamp',
      'label_time',
      '--source',
      path('features.csv'),
      '--event-time',
      'event_time',
      '--out',
      path('x.csv'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no column "client".*customer, label_time, churned/);
  });

  it('refuses a malformed TTL as a usage error', async () => {
    const run = await workbenchInProcess(...joinArgs('--ttl', 'week', '--out', path('y.csv')));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/"week" is not a duration/);
  });
});
