import { describe, expect, it } from 'vitest';
import { UiState, VIEWS } from '../../../src/state/ui-state.svelte.ts';

function location(hash: string) {
  const written: string[] = [];
  return { written, read: () => hash, write: (h: string) => void written.push(h) };
}

describe('UiState', () => {
  it('opens on the view the URL names, or on Data', () => {
    expect(new UiState(location('#registry')).view).toBe('registry');
    expect(new UiState(location('#nowhere')).view).toBe('data');
    expect(new UiState(location('')).view).toBe('data');
  });

  it('records the view on show in the URL', () => {
    const where = location('');
    const ui = new UiState(where);
    ui.go('audit');
    ui.go('lineage');
    expect(ui.view).toBe('lineage');
    expect(where.written).toEqual(['#audit', '#lineage']);
    expect(VIEWS.map((v) => v.id)).toContain('lineage');
  });
});
