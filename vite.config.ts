import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

// The app is fully static: every asset (samples, workers, wasm) is bundled,
// so nothing is fetched from another origin after the page loads.
export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    // A service worker precaches every built file — workers, WASM and the
    // bundled samples included — so after the first visit the app loads and
    // runs with no network at all, and later loads never leave the browser.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,svg,png,ico,json}'],
        // The training worker bundles TF.js (~1.7 MB); precache it too.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  optimizeDeps: { include: ['arquero', 'comlink', 'idb', '@noble/hashes/sha2.js'] },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
