import { jest } from '@jest/globals';
import { runEvery } from './periodic.js';

describe(runEvery.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at each interval (and at once when asked) until stopped', async () => {
    const task = jest.fn(() => Promise.resolve());
    const stop = runEvery(1000, task, () => undefined, { immediately: true });
    expect(task).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(2500);
    expect(task).toHaveBeenCalledTimes(3);
    stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('reports a failure and keeps going', async () => {
    const errors: unknown[] = [];
    const stop = runEvery(
      1000,
      () => Promise.reject(new Error('db down')),
      (error) => errors.push(error),
    );
    await jest.advanceTimersByTimeAsync(2000);
    expect(errors).toHaveLength(2);
    stop();
  });
});
