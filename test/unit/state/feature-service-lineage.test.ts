/**
 * A feature service made in the app (versioned and audited like a view),
 * used to build a training set, and a run trained on that set: the lineage
 * graph links the feature view versions to the saved join and on to the run.
 */
import { describe, expect, it } from 'vitest';
import { defaultPipelineSpec, type PipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { FeatureJoinState } from '../../../src/state/feature-join-state.svelte.ts';
import { FeatureServiceForm } from '../../../src/state/feature-service-form.svelte.ts';
import { LineageState } from '../../../src/state/lineage-state.svelte.ts';
import { TrainState } from '../../../src/state/train-state.svelte.ts';
import { fill, setUp } from './fakes/grunfeld-features.ts';

describe('feature services and lineage in the app', () => {
  it('versions a service made in the app and audits each version', async () => {
    const { context, form, catalog } = await setUp();
    fill(form, 'invest / capital');
    await form.apply();
    const services = new FeatureServiceForm(context);
    expect(services.ready).toBe(false);
    services.name = 'grunfeld_inputs';
    services.toggleView('firm_finance', true);
    await services.apply();
    expect(services.error).toBeNull();
    expect(services.applied).toEqual({ serviceId: 'grunfeld_inputs@1', changed: true });
    expect(catalog.services).toEqual([
      { name: 'grunfeld_inputs', views: ['firm_finance'], description: '', version: 1 },
    ]);

    await services.apply();
    expect(services.applied).toEqual({ serviceId: 'grunfeld_inputs@1', changed: false });
    services.description = 'What the investment model reads';
    await services.apply();
    expect(services.applied).toEqual({ serviceId: 'grunfeld_inputs@2', changed: true });
    const applied = (await context.store.listAudit()).filter((e) => e.type === 'features.applied');
    expect(applied.map((e) => (e.data as { services: string[] }).services)).toEqual([
      [],
      ['grunfeld_inputs@1'],
      ['grunfeld_inputs@2'],
    ]);

    services.toggleView('no_such_view', true);
    await services.apply();
    expect(services.error).toMatch(/lists the view "no_such_view", which is not defined/);
  });

  it('links the feature view to a join saved from the app and on to a run trained on it', async () => {
    const { context, version, service, form, catalog } = await setUp();
    fill(form, 'invest / capital');
    await form.apply();
    const services = new FeatureServiceForm(context);
    services.name = 'grunfeld_inputs';
    services.toggleView('firm_finance', true);
    await services.apply();

    const join = new FeatureJoinState(context, service);
    join.entityVersionId = version.id;
    join.timestamp = 'year_end';
    join.useService(catalog.services[0], catalog.latest);
    expect(join.viewIds).toEqual(['firm_finance@1']);
    expect(join.request.service).toBe('grunfeld_inputs@1');
    await join.runPreview();
    await join.save('grunfeld + features', '');
    const joined = join.saved!.version;
    expect(joined.featureJoin).toEqual({
      viewIds: ['firm_finance@1'],
      service: 'grunfeld_inputs@1',
      timestamp: 'year_end',
      ignoreCreatedAfter: false,
    });
    // Ticking a view by hand drops the service from what the join records.
    join.toggleView('firm_finance@1', true);
    expect(join.request.service).toBeNull();

    const spec = defaultPipelineSpec(joined.id, 'invest', 'forest', 7);
    const forest = {
      ...spec,
      features: ['value', 'capital', 'invest_ratio', 'mean_invest_3y'],
      model: { ...spec.model, trees: 3 },
    } as PipelineSpec;
    const training = new TrainState(context);
    const run = await training.start(forest, { backend: 'auto' });
    expect(training.error).toBeNull();

    const lineage = new LineageState(context);
    await lineage.refresh();
    const source = `dataset:${version.id}`;
    const view = 'featureView:firm_finance@1';
    const set = `dataset:${joined.id}`;
    expect(lineage.graph.edges).toEqual(
      expect.arrayContaining([
        { from: source, to: view, kind: 'computed' },
        { from: view, to: set, kind: 'joined' },
        { from: source, to: set, kind: 'derived' },
        { from: set, to: `run:${run!.id}`, kind: 'trained' },
      ]),
    );
    expect(lineage.graph.nodes.find((n) => n.id === view)?.label).toBe('firm_finance v1');
  });
});
