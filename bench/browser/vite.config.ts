import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The ingest benchmark page: built apart from the app, into the git-ignored bench/.data/.
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../.data/browser-dist', import.meta.url)),
    emptyOutDir: true,
  },
});
