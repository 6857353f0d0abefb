import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root, workbenchInProcess } from '../../cli/run-workbench.ts';

const PENGUINS = join(root, 'public/samples/penguins.csv');
let dir: string;
let ws: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-cli-onnx-'));
  ws = join(dir, 'ws');
  const train = await workbenchInProcess(
    'train',
    PENGUINS,
    '--target',
    'species',
    '--model',
    'forest',
    '--param',
    'trees=20',
    '--workspace',
    ws,
    '--register',
    'penguins',
  );
  expect(train.code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => workbenchInProcess(...args, '--workspace', ws);

describe('workbench export --format onnx|kserve', () => {
  it('writes an ONNX model that ONNX Runtime loads and runs on raw columns', async () => {
    const out = join(dir, 'penguins.onnx');
    const run = await cli('export', 'penguins', '1', '--format', 'onnx', '--out', out, '--json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ file: out, version: 'penguins@1', format: 'onnx' });
    const session = await ort.InferenceSession.create(readFileSync(out));
    expect([...session.inputNames].sort()).toEqual(
      ['bill_depth_mm', 'bill_length_mm', 'body_mass_g', 'flipper_length_mm', 'island', 'sex'].sort(),
    );
    expect(session.outputNames).toEqual(['label', 'probabilities']);
    const num = (v: number) => new ort.Tensor('float64', Float64Array.from([v]), [1, 1]);
    const str = (v: string) => new ort.Tensor('string', [v], [1, 1]);
    // The first penguin of the sample: an Adelie from Torgersen.
    const result = await session.run({
      island: str('Torgersen'),
      bill_length_mm: num(39.1),
      bill_depth_mm: num(18.7),
      flipper_length_mm: num(181),
      body_mass_g: num(3750),
      sex: str('male'),
    });
    expect(result.label.data).toEqual(['Adelie']);
    const p = result.probabilities.data as Float64Array;
    expect(p.length).toBe(3);
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 12);
    await session.release();
  });

  it('writes a KServe bundle whose manifest names the storage URI, namespace and resources', async () => {
    const run = await cli(
      'export',
      'penguins',
      '1',
      '--format',
      'kserve',
      '--out',
      dir,
      '--storage-uri',
      's3://models/penguins-v1',
      '--namespace',
      'ml',
      '--memory',
      '1Gi',
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('penguins-v1-kserve.zip');
    const files = unzipSync(readFileSync(join(dir, 'penguins-v1-kserve.zip')));
    const manifest = parse(new TextDecoder().decode(files['penguins-v1-kserve/inference-service.yaml']));
    expect(manifest.metadata).toMatchObject({ name: 'penguins-v1', namespace: 'ml' });
    expect(manifest.spec.predictor.model).toMatchObject({
      modelFormat: { name: 'onnx' },
      storageUri: 's3://models/penguins-v1',
      resources: { requests: { memory: '1Gi' }, limits: { memory: '1Gi' } },
    });
    // No canary rollout replayed this version, so it takes all traffic.
    expect(manifest.spec.predictor.canaryTrafficPercent).toBeUndefined();
    expect(files['penguins-v1-kserve/model.onnx']).toEqual(new Uint8Array(readFileSync(join(dir, 'penguins.onnx'))));
  });

  it('keeps the bundle as the default format and refuses an unknown one or a bad storage URI', async () => {
    const bundle = await cli('export', 'penguins', '1', '--out', join(dir, 'b.zip'), '--json');
    expect(JSON.parse(bundle.stdout).format).toBe('bundle');
    const unknown = await cli('export', 'penguins', '1', '--format', 'pmml', '--out', join(dir, 'x'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--format must be one of bundle, onnx, kserve');
    const bad = await cli('export', 'penguins', '1', '--format', 'kserve', '--out', dir, '--storage-uri', 'models');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a storage URI KServe can read');
  });
});
