import { PredictionLogWriter } from '../replay/prediction-log.ts';
import type { ReplayStream } from '../replay/replay-stream.ts';
import { runAb, type AbOptions } from './ab-test.ts';
import { runBlueGreen, type BlueGreenOptions } from './blue-green.ts';
import { runCanary, type CanaryOptions } from './canary.ts';
import { runShadow, type ShadowOptions } from './shadow.ts';
import type { StrategyName, StrategyResult } from './strategy-types.ts';

/** Options of every strategy; each reads its own. */
export interface StrategyOptions {
  canary?: CanaryOptions;
  bluegreen?: BlueGreenOptions;
  shadow?: ShadowOptions;
  ab: AbOptions;
}

/** Replays the stream under one strategy, writing every answer to `log`. */
export function runStrategy(
  strategy: StrategyName,
  stream: ReplayStream,
  log: PredictionLogWriter,
  options: StrategyOptions,
): StrategyResult {
  switch (strategy) {
    case 'canary':
      return runCanary(stream, log, options.canary);
    case 'bluegreen':
      return runBlueGreen(stream, log, options.bluegreen);
    case 'shadow':
      return runShadow(stream, log, options.shadow);
    case 'ab':
      return runAb(stream, log, options.ab);
  }
}
