import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The app is fully static: every asset (samples, workers, wasm) is bundled,
// so nothing is fetched from another origin after the page loads.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  optimizeDeps: { include: ['arquero', 'comlink', 'idb', '@noble/hashes/sha2.js'] },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
