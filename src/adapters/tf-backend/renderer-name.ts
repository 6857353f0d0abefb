/**
 * A GPU renderer string short enough for a status line. Browsers report the
 * whole ANGLE description, e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader
 * Device (Subzero) (0x0000C0DE)), SwiftShader driver)"; the run record keeps
 * that in full, the screen shows "SwiftShader" or "NVIDIA GeForce RTX 3060".
 */
export function shortRendererName(renderer: string): string {
  const software = /swiftshader|llvmpipe|softpipe|basic render/i.exec(renderer);
  if (software) return software[0] === 'basic render' ? 'Basic Render Driver' : capitalise(software[0]);
  // "ANGLE (vendor, device (ids) api, driver)": keep the device.
  const angle = /^ANGLE \(([^,]+), (.+?)(?: \(0x[0-9A-Fa-f]+\)| Direct3D|,|\)$)/.exec(renderer);
  const name = angle ? angle[2].trim() : renderer.trim();
  return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}

function capitalise(word: string): string {
  const known: Record<string, string> = { swiftshader: 'SwiftShader', llvmpipe: 'llvmpipe', softpipe: 'softpipe' };
  return known[word.toLowerCase()] ?? word;
}
