import { zipDeterministic } from '../../registry/bundle/deterministic-zip.ts';
import type { ModelVersion } from '../../registry/registry-types.ts';
import { inferenceServiceYaml, type KserveSettings } from './inference-service.ts';
import { kserveReadme } from './kserve-readme.ts';

/** The files of a KServe bundle, in write order: model.onnx, inference-service.yaml, README.md. */
export function kserveFiles(
  version: Pick<ModelVersion, 'id' | 'signature'>,
  onnxBytes: Uint8Array,
  settings: KserveSettings,
): [string, Uint8Array][] {
  const utf8 = new TextEncoder();
  return [
    ['model.onnx', onnxBytes],
    ['inference-service.yaml', utf8.encode(inferenceServiceYaml(settings))],
    ['README.md', utf8.encode(kserveReadme(version, settings))],
  ];
}

/** The same files as one zip under a folder `<name>-kserve/`; the same input gives the same bytes. */
export function kserveZip(
  version: Pick<ModelVersion, 'id' | 'signature'>,
  onnxBytes: Uint8Array,
  settings: KserveSettings,
): Uint8Array {
  return zipDeterministic(
    kserveFiles(version, onnxBytes, settings).map(([name, bytes]) => [`${settings.name}-kserve/${name}`, bytes]),
  );
}
