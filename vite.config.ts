import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built page. Everything the app runs or
 * fetches is its own: no remote connections, no inline or injected
 * scripts, no plugins. Notes per directive:
 * - script-src: 'wasm-unsafe-eval' lets WebAssembly compile (TF.js's WASM
 *   backend in the training worker) without allowing eval. A <meta> policy
 *   governs the page (and blob:/data: workers, which inherit it); the
 *   workers are same-origin files, which get a policy only from an HTTP
 *   header — send this same value as one (vite preview does, below).
 * - worker-src: the data and training workers and the service worker are built files.
 * - style-src: 'self' without 'unsafe-inline' is enough in the build —
 *   Svelte's CSS is extracted to a file, and Svelte (style: directives) and
 *   uPlot set styles through the CSSOM (element.style), which CSP does not
 *   restrict; no template has a style="" attribute.
 * - img-src data: is for the empty inline favicon (`<link rel="icon" href="data:,">`).
 * - Downloads are blob: links the user navigates to, which fetch directives do not cover.
 * Dev is left without it: Vite's dev server injects component styles as
 * <style> elements, which this policy forbids (see cspMeta below).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Puts the policy in the built index.html right after the charset, before
 * any script or stylesheet, so it covers all of them.
 */
function cspMeta(): Plugin {
  const charset = '<meta charset="UTF-8" />';
  return {
    name: 'workbench:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes(charset)) throw new Error(`index.html lost its ${charset}; the CSP goes right after it`);
        return html.replace(
          charset,
          `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
        );
      },
    },
  };
}

// The app is fully static: every asset (samples, workers, wasm) is bundled,
// so nothing is fetched from another origin after the page loads.
export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    cspMeta(),
    // A service worker precaches every built file — workers, WASM and the
    // bundled samples included — so after the first visit the app loads and
    // runs with no network at all, and later loads never leave the browser.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,svg,png,ico,json,woff2}'],
        // The training worker bundles TF.js (~1.7 MB); precache it too.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Fonts (KaTeX's) stay files: the policy's font-src 'self' refuses data: URLs.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
  },
  optimizeDeps: { include: ['arquero', 'comlink', 'idb', '@noble/hashes/sha2.js'] },
  server: { port: 5173 },
  // `vite preview` (and so the browser tests) also sends the policy as a header, as a static host
  // should: only a header reaches the workers, where TF.js compiles its WASM.
  preview: { port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
