import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ['test/unit/**/*.test.ts'],
      environment: 'node',
      // Wide margins: CI runs on a busy 2-core machine, and the CLI tests spawn processes.
      testTimeout: 60_000,
      hookTimeout: 120_000,
      globalSetup: ['test/setup/build-cli.js'],
    },
  }),
);
