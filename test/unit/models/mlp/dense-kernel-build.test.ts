import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JS build script, without types.
import { buildKernel, committedBytes, findAsc, KERNEL_BYTES_FILE } from '../../../../scripts/build-dense-kernel.js';

/** The committed kernel bytes are what wasm/dense-kernel.ts builds to (needs AssemblyScript's asc). */
const asc: string | null = findAsc();
if (!asc)
  console.warn(
    '\n*** SKIPPED: the WebAssembly kernel build check. AssemblyScript is not installed (devDependency ' +
      '`assemblyscript`, or ASC=/path/to/asc), so nothing checks that src/core/models/mlp/dense-kernel-wasm.ts ' +
      'matches wasm/dense-kernel.ts. ***\n',
  );

describe('the WebAssembly dense kernel build', () => {
  it.skipIf(!asc)(
    'committed bytes match a fresh build of wasm/dense-kernel.ts',
    () => {
      const fresh: Buffer = buildKernel(asc);
      const committed: Buffer = committedBytes(readFileSync(KERNEL_BYTES_FILE, 'utf8'));
      expect(committed.length).toBe(fresh.length);
      expect(committed.equals(fresh)).toBe(true);
    },
    120_000,
  );
});
