import { describe, expect, it } from 'vitest';
import { retryOnConflict } from '../../../src/cli/commit-retry.ts';
import { WorkbenchError } from '../../../src/core/errors.ts';

const conflict = () => new WorkbenchError('storage.conflict', 'm was changed elsewhere.');
const quick = { attempts: 4, firstWaitMs: 1 };

describe('retryOnConflict', () => {
  it('plans and commits again after a conflict, and returns the first success', async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls++;
      if (calls < 3) throw conflict();
      return `done on attempt ${calls}`;
    }, quick);
    expect(result).toBe('done on attempt 3');
  });

  it('gives up after the last attempt, saying how often it tried', async () => {
    let calls = 0;
    const failing = retryOnConflict(async () => {
      calls++;
      throw conflict();
    }, quick);
    await expect(failing).rejects.toMatchObject({
      code: 'storage.conflict',
      message: expect.stringContaining('planned again 4 times'),
    });
    expect(calls).toBe(4);
  });

  it('does not retry any other failure', async () => {
    let calls = 0;
    const failing = retryOnConflict(async () => {
      calls++;
      throw new WorkbenchError('registry.model_not_found', 'no such model');
    }, quick);
    await expect(failing).rejects.toMatchObject({ code: 'registry.model_not_found' });
    expect(calls).toBe(1);
  });
});
