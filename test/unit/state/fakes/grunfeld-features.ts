/**
 * A workspace with the bundled Grunfeld sample saved as a version, and the
 * Features area's states over it (the features worker's service run
 * in-process), for the feature state tests.
 */
import { readFileSync } from 'node:fs';
import { featuresService } from '../../../../src/adapters/workers/features-service.ts';
import { draftFromCsv, profileDraft } from '../../../../src/core/data/draft.ts';
import { parseCsv } from '../../../../src/core/data/ingest/parse-csv.ts';
import { encodeWithId } from '../../../../src/core/data/versions/dataset-id.ts';
import { saveDraftAsVersion } from '../../../../src/core/data/versions/save-version.ts';
import type { DatasetVersion } from '../../../../src/core/data/versions/dataset-version.ts';
import { FeatureCatalogState } from '../../../../src/state/feature-catalog-state.svelte.ts';
import { FeatureViewForm } from '../../../../src/state/feature-view-form.svelte.ts';
import { START, testContext } from './test-context.ts';

export const CSV = readFileSync(new URL('../../../../public/samples/grunfeld.csv', import.meta.url), 'utf8');
export const ROWS = CSV.trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [firm, yearEnd, invest, value, capital] = line.split(',');
    return { firm, time: Date.parse(yearEnd), invest: Number(invest), value: Number(value), capital: Number(capital) };
  });

export async function setUp() {
  const context = testContext();
  const draft = draftFromCsv(parseCsv(new TextEncoder().encode(CSV)), 'grunfeld.csv', CSV.length);
  const { version } = await saveDraftAsVersion(context.store, draft, {
    name: 'grunfeld',
    note: '',
    actor: 'ana',
    now: START,
    encoded: await encodeWithId(draft.table),
    profile: profileDraft(draft),
  });
  const service = featuresService(context.store, () => START + 3_600_000);
  const datasets: DatasetVersion[] = [version];
  const form = new FeatureViewForm(context, () => datasets);
  const catalog = new FeatureCatalogState(context);
  return { context, version, service, form, catalog };
}

export function fill(form: FeatureViewForm, expression: string) {
  form.name = 'firm_finance';
  form.entity = 'firm';
  form.joinKeys = 'firm';
  form.source = 'grunfeld';
  form.eventTime = 'year_end';
  form.ttl = '730d';
  form.setFeature(0, { name: 'invest_ratio', expression });
  form.addFeature();
  form.setFeature(1, { name: 'mean_invest_3y', expression: 'mean(invest, 1096d)' });
}
