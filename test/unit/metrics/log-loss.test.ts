import { describe, expect, it } from 'vitest';
import { LOG_LOSS_EPS, logLoss } from '../../../src/core/metrics/log-loss.ts';
import { expectClose, fixtures, flatProba } from './sklearn-fixtures.ts';

describe('logLoss', () => {
  it('reproduces sklearn’s docs example (0.21616…)', () => {
    expect(logLoss([1, 0, 0, 1], [0.1, 0.9, 0.9, 0.1, 0.8, 0.2, 0.35, 0.65], 2)).toBeCloseTo(0.21616187468057912, 15);
  });

  it('clips a zero probability on the actual class to float64 epsilon instead of returning Infinity', () => {
    expect(logLoss([0, 1], [0, 1, 1, 0], 2)).toBeCloseTo(-Math.log(LOG_LOSS_EPS), 12);
    expect(-Math.log(LOG_LOSS_EPS)).toBeCloseTo(36.04365338911715, 12);
  });

  it('renormalises rows that do not sum to 1', () => {
    expect(logLoss([0], [2, 2], 2)).toBe(Math.log(2));
  });

  it('rejects probabilities of the wrong shape', () => {
    expect(() => logLoss([0, 1], [0.5, 0.5, 1], 2)).toThrowError(/hold 3 values but 2 rows × 2 classes need 4/);
  });

  it.each(fixtures.classification.map((c) => [c.name, c] as const))(
    'equals sklearn log_loss(labels=range(k)): %s',
    (_, c) => {
      expectClose(logLoss(Int32Array.from(c.yTrue), flatProba(c), c.labels.length), c.expected.logLoss, 'logLoss');
    },
  );
});
