/**
 * A workspace for the Deploy area's state tests: the iris sample, a copy
 * with its species shuffled (a model trained on it is deliberately worse),
 * a long traffic stream (iris ten times, so canary steps get their labels),
 * and "iris" registered as v1 (good forest), v2 (forest on shuffled labels)
 * and v3 (another good forest).
 */
import { seededRng } from '../../../src/core/random/rng.ts';
import { RegistryState } from '../../../src/state/registry-state.svelte.ts';
import { TrainState } from '../../../src/state/train-state.svelte.ts';
import { sampleCsv, testContext } from './fakes/test-context.ts';
import { forestSpec, saveVersion } from './fakes/workspace-seed.ts';

/** The iris CSV with the species column permuted by a seeded shuffle. */
export function shuffledIris(): string {
  const [header, ...rows] = sampleCsv('iris').trim().split('\n');
  const species = rows.map((r) => r.slice(r.lastIndexOf(',') + 1));
  const rng = seededRng(5);
  for (let i = species.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [species[i], species[j]] = [species[j], species[i]];
  }
  return `${[header, ...rows.map((r, i) => `${r.slice(0, r.lastIndexOf(','))},${species[i]}`)].join('\n')}\n`;
}

export async function deployWorkspace() {
  const context = testContext();
  const iris = await saveVersion(context);
  const noise = await saveVersion(context, 'iris-shuffled', shuffledIris());
  const [header, ...rows] = sampleCsv('iris').trim().split('\n');
  const traffic = await saveVersion(
    context,
    'iris-traffic',
    `${[header, ...Array.from({ length: 10 }, () => rows).flat()].join('\n')}\n`,
  );
  const registry = new RegistryState(context);
  const training = new TrainState(context);
  for (const [versionId, seed] of [
    [iris.id, 42],
    [noise.id, 42],
    [iris.id, 7],
  ] as const) {
    const run = await training.start(forestSpec(versionId, seed), { backend: 'auto' });
    if (!run) throw new Error(`Training failed: ${training.error}`);
    await registry.register(run, 'iris', { description: '', tags: {} });
  }
  return { context, iris, noise, traffic };
}
