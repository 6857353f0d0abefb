import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { MaturityState } from '../../../src/state/maturity-state.svelte.ts';
import { WorkspaceBundleState } from '../../../src/state/workspace-bundle-state.svelte.ts';
import type { WorkspaceSnapshot } from '../../../src/core/workspace-bundle/index.ts';
import { testContext } from '../state/fakes/test-context.ts';
import { saveVersion, trainRun } from '../state/fakes/workspace-seed.ts';

describe('MaturityState and WorkspaceBundleState', () => {
  it('rises as the workspace grows, exports it, and hands only a verified bundle to the restore', async () => {
    const context = testContext();
    const maturity = new MaturityState(context);
    await maturity.refresh();
    expect(maturity.assessment?.level).toBe(0);
    const version = await saveVersion(context);
    await trainRun(context, version.id);
    await trainRun(context, version.id);
    // Each write notified the bus; the state reread itself.
    const evidence = maturity.assessment?.criteria.find((c) => c.id === 'repeated-pipeline')?.evidence;
    expect(evidence).toMatch(/^spec [0-9a-f]{8} run 2 times$/);
    expect(maturity.assessment?.next.map((s) => s.id)).toEqual(['registered-versions']);

    const restored: WorkspaceSnapshot[] = [];
    const bundles = new WorkspaceBundleState(context, async (snapshot) => void restored.push(snapshot));
    expect(await bundles.exportWorkspace()).toBe(true);
    const [file] = context.downloads;
    expect(file.fileName).toMatch(/^workspace-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(bundles.message).toMatch(
      /^Exported workspace-.*: 1 dataset versions, 2 runs, 0 model versions, 5 audit events\.$/,
    );

    const files = unzipSync(file.content as Uint8Array);
    files['audit.json'] = new TextEncoder().encode(
      new TextDecoder().decode(files['audit.json']).replace(/"actor":"[^"]*"/, '"actor":"eve"'),
    );
    expect(await bundles.importWorkspace(new Blob([zipSync(files).slice().buffer]))).toBe(false);
    expect(bundles.error).toMatch(
      /^Import refused: The workspace bundle was altered or truncated: "audit.json" does not match its SHA-256/,
    );
    expect(restored).toEqual([]);

    const target = testContext();
    const importer = new WorkspaceBundleState(target, async (snapshot) => void restored.push(snapshot));
    expect(await importer.importWorkspace(new Blob([(file.content as Uint8Array).slice().buffer]))).toBe(true);
    expect(restored).toHaveLength(1);
    expect(restored[0].runs).toHaveLength(2);
    expect(restored[0].audit.map((e) => e.hash)).toEqual((await context.store.listAudit()).map((e) => e.hash));
    expect(target.changes.log.at(-1)).toEqual(['all']);
  }, 60_000);
});
