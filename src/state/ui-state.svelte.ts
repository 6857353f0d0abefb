/**
 * Which area of the workbench is showing. Kept in the URL hash so a reload
 * returns to the same area.
 */
export const VIEWS = [
  { id: 'data', label: 'Data' },
  { id: 'versions', label: 'Versions' },
  { id: 'features', label: 'Features' },
  { id: 'train', label: 'Train' },
  { id: 'runs', label: 'Runs' },
  { id: 'registry', label: 'Registry' },
  { id: 'predict', label: 'Predict' },
  { id: 'deploy', label: 'Deploy' },
  { id: 'lineage', label: 'Lineage' },
  { id: 'monitor', label: 'Monitor' },
  { id: 'audit', label: 'Audit log' },
  { id: 'maturity', label: 'Maturity' },
  { id: 'storage', label: 'Storage' },
  { id: 'lessons', label: 'Lessons' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#/, '');
  return VIEWS.find((v) => v.id === id)?.id ?? 'data';
}

/** Where the view on show is kept: the page's URL hash in the app. */
export interface ViewLocation {
  read(): string;
  /** Replaces the hash without adding a history entry. */
  write(hash: string): void;
}

export class UiState {
  view = $state<ViewId>('data');
  readonly #location: ViewLocation;

  constructor(location: ViewLocation) {
    this.#location = location;
    this.view = viewFromHash(location.read());
  }

  /** Shows `view` and records it in the URL without adding history entries. */
  go(view: ViewId): void {
    this.view = view;
    this.#location.write(`#${view}`);
  }
}
