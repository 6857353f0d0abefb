/**
 * The newcomer's shortcut to a first training run: every run trains on a
 * saved dataset version (so its data can be traced), so this loads a bundled
 * sample — or takes the draft already loaded — and saves it as a version.
 */
import { SAMPLES } from '../adapters/browser-files/samples.ts';
import { baseName } from '../core/data/versions/file-name.ts';
import { data } from './data-state.svelte.ts';
import { versions } from './versions-state.svelte.ts';

/** Loads the Palmer penguins sample and saves it as version "penguins". */
export async function saveSampleForTraining(): Promise<boolean> {
  if (!(await data.loadSample(SAMPLES[0]))) return false;
  return saveDraftForTraining();
}

/** Saves the loaded draft as a version named after its source, then rereads the versions. */
export async function saveDraftForTraining(): Promise<boolean> {
  const loaded = data.loaded;
  if (!loaded) return false;
  if (!(await data.save(baseName(loaded.sourceName), 'Saved from the Train view to train on it.'))) return false;
  await versions.refresh();
  return true;
}
