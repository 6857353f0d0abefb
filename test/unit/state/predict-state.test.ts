import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { toCsv } from '../../../src/core/data/ingest/write-csv.ts';
import { predictWithRegistry } from '../../../src/core/serving/predict/predict-service.ts';
import { predictionCells } from '../../../src/core/serving/predict/prediction-cells.ts';
import { PredictState } from '../../../src/state/predict-state.svelte.ts';
import { RegistryState } from '../../../src/state/registry-state.svelte.ts';
import { csvFile, sampleCsv, testContext } from './fakes/test-context.ts';
import { saveVersion, trainRun } from './fakes/workspace-seed.ts';

const NO_DETAILS = { description: '', tags: {} };
const PENGUINS = sampleCsv('penguins');

/** penguins saved, a 5-tree forest trained on it and registered as penguin-species@1, and a Predict state. */
async function setup() {
  const context = testContext();
  const version = await saveVersion(context, 'penguins', PENGUINS);
  const run = await trainRun(context, version.id);
  const predict = new PredictState(context);
  const registry = new RegistryState(context);
  const modelVersion = (await registry.register(run, 'penguin-species', NO_DETAILS))!;
  return { context, predict, registry, modelVersion };
}

/** What `workbench predict` writes for the same version and CSV. */
async function cliPredictions(context: Awaited<ReturnType<typeof setup>>['context'], csv: string) {
  const { table } = parseCsv(new TextEncoder().encode(csv));
  const result = await predictWithRegistry(context.store, 'penguin-species@1', table, {
    clock: () => performance.now(),
  });
  const { header, rows } = predictionCells(result.scored);
  return { header, rows, csv: toCsv(header, rows), scored: result.scored };
}

describe('PredictState', () => {
  it('picks the newest version of the registered model and builds the form from its signature', async () => {
    const { predict } = await setup();
    expect(predict.models).toEqual(['penguin-species']);
    expect(predict.refs.map((r) => `${r.group}:${r.ref}`)).toEqual(['Version:1', 'Stage:Development']);
    expect(predict.version?.id).toBe('penguin-species@1');
    const fields = predict.inputs!.fields;
    expect(fields.map((f) => f.name)).toEqual([
      'island',
      'bill_length_mm',
      'bill_depth_mm',
      'flipper_length_mm',
      'body_mass_g',
      'sex',
    ]);
    expect(fields.find((f) => f.name === 'island')!.categories).toEqual(['Biscoe', 'Dream', 'Torgersen']);
    expect(fields.find((f) => f.name === 'bill_length_mm')!.categories).toBeNull();
    expect(predict.inputs!.labels).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    // The form starts from the values training imputes.
    expect(predict.values.island).toBe(fields.find((f) => f.name === 'island')!.typical);
  });

  it('resolves a stage and an alias to the version they name', async () => {
    const { predict, registry, modelVersion } = await setup();
    await registry.saveAliases(modelVersion, ['champion']);
    await predict.chooseRef('champion');
    expect(predict.version?.id).toBe('penguin-species@1');
    await predict.chooseRef('Production');
    expect(predict.version).toBeNull();
    expect(predict.resolved.problem).toMatch(/has no version in Production/);
    expect(predict.inputs).toBeNull();
  });

  it('scores a typed-in row as the CLI scores the same row, with probabilities, the inputs that moved it and its latency', async () => {
    const { context, predict } = await setup();
    const first = PENGUINS.split('\n')[1].split(',');
    const names = PENGUINS.split('\n')[0].trim().split(',');
    for (const [i, name] of names.entries()) if (name !== 'species') predict.setValue(name, first[i].trim());
    await predict.predictRow();
    expect(predict.error).toBeNull();
    const row = predict.row!;
    const cli = await cliPredictions(context, `${names.join(',')}\n${first.join(',')}\n`);
    expect(row.predicted).toBe(cli.rows[0][cli.header.indexOf('predicted')]);
    expect(row.proba!.map((p) => p.label)).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(row.proba!.map((p) => String(p.p))).toEqual(
      cli.header.filter((h) => h.startsWith('p_')).map((h) => cli.rows[0][cli.header.indexOf(h)]),
    );
    expect(row.proba!.reduce((sum, p) => sum + p.p, 0)).toBeCloseTo(1, 12);
    expect(row.explanation.explains).toBe(row.predicted);
    expect(row.explanation.effects.map((e) => e.feature).sort()).toEqual(
      [...names.filter((n) => n !== 'species')].sort(),
    );
    expect(predict.latency).toHaveLength(1);
    expect(predict.latency[0]).toMatchObject({ versionId: 'penguin-species@1', batch: null, batchRows: 0 });
    expect(predict.latency[0].single!.count).toBe(20);
    expect(predict.latency[0].single!.p95).toBeGreaterThanOrEqual(predict.latency[0].single!.p50);
  });

  it('scores a whole CSV with progress, and downloads exactly what the CLI writes', async () => {
    const { context, predict } = await setup();
    // What the view's progress bar shows after each batch the worker reports.
    const shown: unknown[] = [];
    const scoreCsv = context.predict.scoreCsv;
    context.predict.scoreCsv = (id, file, onProgress) =>
      scoreCsv(id, file, (done, total) => {
        onProgress(done, total);
        shown.push(predict.progress);
      });
    await predict.predictFile(csvFile(PENGUINS, 'penguins.csv'), 'penguins.csv');
    expect(predict.error).toBeNull();
    const file = predict.file!;
    const cli = await cliPredictions(context, PENGUINS);
    expect(file.rowCount).toBe(cli.rows.length);
    expect(file.header).toEqual(['row', 'actual', 'predicted', 'p_Adelie', 'p_Chinstrap', 'p_Gentoo']);
    expect(new TextDecoder().decode(file.csv)).toBe(cli.csv);
    expect(file.preview).toEqual(cli.rows.slice(0, 10));
    expect(shown).toEqual([{ done: file.rowCount, total: file.rowCount }]);
    expect(predict.progress).toBeNull();
    expect(file.batchRows).toBe(cli.rows.length);
    expect(predict.latency[0].batch!.count).toBe(1);

    predict.downloadPredictions();
    expect(context.downloads).toHaveLength(1);
    expect(context.downloads[0].fileName).toBe('penguins-predictions-penguin-species-v1.csv');
    expect(new TextDecoder().decode(context.downloads[0].content as Uint8Array)).toBe(cli.csv);
  });

  it('escapes formula-looking labels in the download and keeps the user’s own label text', async () => {
    const { predict } = await setup();
    const csv = PENGUINS.replaceAll(/^Adelie,/gm, '=Adelie,');
    await predict.predictFile(csvFile(csv, 'odd.csv'), 'odd.csv');
    const text = new TextDecoder().decode(predict.file!.csv);
    // The actual column holds the file's own cells, escaped against formula injection.
    expect(text.split('\r\n')[1].split(',')[1]).toBe('"\'=Adelie"');
    expect(text).not.toMatch(/,=Adelie/);
  });

  it('refuses a CSV whose columns do not match the signature, naming the missing columns', async () => {
    const { predict } = await setup();
    const csv = PENGUINS.replace('bill_length_mm', 'bill_len').replace('island', 'isle');
    await predict.predictFile(csvFile(csv, 'renamed.csv'), 'renamed.csv');
    expect(predict.file).toBeNull();
    expect(predict.error).toBe(
      'renamed.csv was not scored: The data lacks columns "island", "bill_length_mm" that this model version reads (its inputs: "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"). Add them with the same names as in training, or score with a version trained on these columns.',
    );
    expect(predict.latency).toEqual([]);
  });

  it('refuses a typed-in row with text in a numeric input, naming the input', async () => {
    const { predict } = await setup();
    predict.setValue('body_mass_g', 'heavy');
    await predict.predictRow();
    expect(predict.row).toBeNull();
    expect(predict.error).toMatch(/"body_mass_g" \(1 cell not /);
  });
});
