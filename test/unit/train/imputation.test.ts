import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { guessRoles } from '../../../src/core/data/profile/roles.ts';
import { withImputation, IMPUTATION_CHOICES } from '../../../src/core/train/imputation.ts';
import { defaultPipelineSpec, type PipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { fitPreprocessor } from '../../../src/core/train/preprocess.ts';
import { runPipeline } from '../../../src/core/train/run-pipeline.ts';
import { validatePipelineSpec } from '../../../src/core/train/validate-spec.ts';
import { droppedRows } from '../../../src/core/train/drop-rows.ts';

// Issue 12, item 3: the imputation is the user's choice, recorded in the spec; dropped rows are reported.
const dir = join(__dirname, '../../fixtures/new-user');
const { table } = parseCsv(new Uint8Array(readFileSync(join(dir, 'titanic.csv'))));
const roles = guessRoles(table);
const schema = table.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name] }));
const sklearn = JSON.parse(readFileSync(join(dir, 'imputer.json'), 'utf8')) as Record<string, number | string>;
const allRows = Int32Array.from({ length: table.rowCount }, (_, i) => i);
const base = defaultPipelineSpec('titanic', 'survived').preprocessing;
const clock = () => 0;

describe('imputation choices', () => {
  it.each(['mean', 'median', 'most_frequent', 'constant'] as const)(
    'fills age with %s as scikit-learn’s SimpleImputer does',
    (choice) => {
      const pre = fitPreprocessor(table, ['age', 'sex'], allRows, withImputation(base, choice));
      const [age, sex] = pre.steps;
      expect(age.fill).toBeCloseTo(sklearn[choice] as number, 12);
      expect(sex.fill).toBe(choice === 'constant' ? 'missing_value' : sklearn.sex_most_frequent);
    },
  );

  it('takes a constant from the spec', () => {
    const pre = fitPreprocessor(table, ['age'], allRows, withImputation(base, 'constant', -1));
    expect(pre.steps[0].fill).toBe(-1);
  });

  it('keeps old specs valid and meaning what they meant, and refuses unknown strategies', () => {
    const old = defaultPipelineSpec('titanic', 'survived');
    old.preprocessing = { numeric: { impute: 'mean', standardize: true }, categorical: { impute: 'most_frequent' } };
    expect(() => validatePipelineSpec(old)).not.toThrow();
    for (const choice of IMPUTATION_CHOICES) {
      const spec = { ...old, preprocessing: withImputation(old.preprocessing, choice) };
      expect(() => validatePipelineSpec(spec)).not.toThrow();
    }
    const bad = JSON.parse(JSON.stringify(old)) as PipelineSpec;
    (bad.preprocessing.numeric as { impute: string }).impute = 'zero';
    expect(() => validatePipelineSpec(bad)).toThrow(/preprocessing must be.*"drop"/);
  });

  it('drop leaves the rows with a missing feature out of training and testing, and the report says how many', async () => {
    const spec = defaultPipelineSpec('titanic', 'survived', 'logistic');
    spec.features = ['pclass', 'sex', 'age', 'fare'];
    spec.preprocessing = withImputation(spec.preprocessing, 'drop');
    expect(droppedRows(table, spec.features, spec.preprocessing).reduce((a, b) => a + b, 0)).toBe(12);
    const outcome = await runPipeline(table, schema, spec, { clock });
    expect(outcome.split.train + outcome.split.test).toBe(sklearn.rows_with_age);
    expect(outcome.warnings).toContain(
      '12 rows with a missing feature value were dropped, as the imputation setting "drop the rows" asks.',
    );
  });

  it('says how many rows a regression left out because its target is missing', async () => {
    const spec = defaultPipelineSpec('titanic', 'age', 'forest');
    spec.features = ['pclass', 'sex', 'fare'];
    const outcome = await runPipeline(table, schema, spec, { clock });
    expect(outcome.split.train + outcome.split.test).toBe(48);
    expect(outcome.warnings).toContain(
      '12 rows of 60 have no value for the target "age" and were left out of training and testing.',
    );
  });
});
