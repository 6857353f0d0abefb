import { describe, expect, it } from 'vitest';
import { shortRendererName } from '../../../src/adapters/tf-backend/renderer-name.ts';

describe('shortRendererName', () => {
  it.each([
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', 'SwiftShader'],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)', 'NVIDIA GeForce RTX 3060'],
    ['ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)', 'ANGLE Metal Renderer: Apple M2'],
    ['ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)', 'Mesa Intel(R) UHD Graphics 620 (KBL GT2)'],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', 'llvmpipe'],
    ['Adreno (TM) 640', 'Adreno (TM) 640'],
  ])('%s → %s', (renderer, short) => {
    expect(shortRendererName(renderer)).toBe(short);
  });

  it('cuts an unknown long name', () => {
    expect(shortRendererName('x'.repeat(60))).toHaveLength(40);
  });
});
