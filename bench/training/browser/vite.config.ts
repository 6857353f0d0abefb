import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The MLP-per-backend benchmark page: built apart from the app (minified, like
// it), into the git-ignored bench/.data/.
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../.data/training-browser-dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
});
