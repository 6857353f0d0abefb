import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ['test/unit/**/*.test.ts'],
      environment: 'node',
      // Wide margins: CI runs on a busy 2-core machine, and the CLI tests spawn processes.
      // (Under two busy loops and six other test suites, a 2 s CLI test once took over 60 s.)
      testTimeout: 180_000,
      hookTimeout: 300_000,
      globalSetup: ['test/setup/build-cli.js'],
    },
  }),
);
