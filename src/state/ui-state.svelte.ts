/**
 * Which area of the workbench is showing. Kept in the URL hash so a reload
 * returns to the same area.
 */
export const VIEWS = [
  { id: 'data', label: 'Data' },
  { id: 'versions', label: 'Versions' },
  { id: 'train', label: 'Train' },
  { id: 'runs', label: 'Runs' },
  { id: 'registry', label: 'Registry' },
  { id: 'lineage', label: 'Lineage' },
  { id: 'audit', label: 'Audit log' },
  { id: 'storage', label: 'Storage' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#/, '');
  return VIEWS.find((v) => v.id === id)?.id ?? 'data';
}

export class UiState {
  view = $state<ViewId>(typeof location === 'undefined' ? 'data' : viewFromHash(location.hash));

  /** Shows `view` and records it in the URL without adding history entries. */
  go(view: ViewId): void {
    this.view = view;
    history.replaceState(null, '', `#${view}`);
  }
}

/** The app's navigation state. */
export const ui = new UiState();
