import { defineConfig } from 'vite';

// The `workbench` CLI as plain Node ESM in dist-cli/ (built by scripts/build-cli.js).
// An SSR build leaves every node_modules import external, so dist-cli holds only
// the workbench's own code and Node resolves TF.js, arquero… from node_modules at
// run time; dynamic import() points stay separate chunks, loaded only when reached.
export default defineConfig({
  // No app plugins (Svelte, PWA) and no public/ copy: this is not the web app.
  plugins: [],
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'main.js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});
