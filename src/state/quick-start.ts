/**
 * The newcomer's shortcut to a first training run: every run trains on a
 * saved dataset version (so its data can be traced), so this loads a bundled
 * sample — or takes the draft already loaded — and saves it as a version.
 */
import { baseName } from '../core/data/versions/file-name.ts';
import type { DataState } from './data-state.svelte.ts';

/** Loads the first bundled sample (the Palmer penguins) and saves it as version "penguins". */
export async function saveSampleForTraining(data: DataState): Promise<boolean> {
  if (!(await data.loadSample(data.samples[0]))) return false;
  return saveDraftForTraining(data);
}

/** Loads the bundled Grunfeld sample (a firm and a year per row) and saves it as version "grunfeld", for feature views. */
export async function saveSampleForFeatures(data: DataState): Promise<boolean> {
  const grunfeld = data.samples.find((s) => s.id === 'grunfeld');
  if (!grunfeld || !(await data.loadSample(grunfeld))) return false;
  const loaded = data.loaded;
  return (
    loaded !== null &&
    data.save(baseName(loaded.sourceName), 'Saved from the Features view to define feature views on it.')
  );
}

/** Saves the loaded draft as a version named after its source (the versions list rereads on its own). */
export async function saveDraftForTraining(data: DataState): Promise<boolean> {
  const loaded = data.loaded;
  if (!loaded) return false;
  return data.save(baseName(loaded.sourceName), 'Saved from the Train view to train on it.');
}
