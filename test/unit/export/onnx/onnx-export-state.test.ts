import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { ModelTransferState } from '../../../../src/state/model-transfer-state.svelte.ts';
import { RegistryState } from '../../../../src/state/registry-state.svelte.ts';
import { testContext } from '../../state/fakes/test-context.ts';
import { saveVersion, trainRun } from '../../state/fakes/workspace-seed.ts';

const { onnx } = onnxProto;

describe('ModelTransferState.exportOnnx', () => {
  it('downloads the version as an ONNX model named after it, with one input per column', async () => {
    const context = testContext();
    const run = await trainRun(context, (await saveVersion(context)).id);
    const version = (await new RegistryState(context).register(run, 'iris-species', { description: '', tags: {} }))!;
    const transfer = new ModelTransferState(context);
    expect(await transfer.exportOnnx(version)).toBe(true);
    const [download] = context.downloads;
    expect(download.fileName).toBe('iris-species-v1.onnx');
    const model = onnx.ModelProto.decode(download.content as Uint8Array);
    expect(model.graph!.input!.map((i) => i.name)).toEqual(version.signature.inputs.map((i) => i.name));
    expect(model.graph!.output!.map((o) => o.name)).toEqual(['label', 'probabilities']);
    expect(transfer.message).toMatch(/^Exported version 1 of "iris-species" as iris-species-v1\.onnx \(\d+ bytes\)/);
  });

  it('says why when the stored model is gone, and downloads nothing', async () => {
    const context = testContext();
    const run = await trainRun(context, (await saveVersion(context)).id);
    const version = (await new RegistryState(context).register(run, 'iris-species', { description: '', tags: {} }))!;
    const transfer = new ModelTransferState(context);
    expect(await transfer.exportOnnx({ ...version, artifactBlob: '0'.repeat(64) })).toBe(false);
    expect(transfer.error).toMatch(/^The stored model of iris-species@1 \(blob 000000000000\) is missing/);
    expect(context.downloads).toEqual([]);
  });
});
