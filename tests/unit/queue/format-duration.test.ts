import { describe, expect, it } from 'vitest';
import { formatDuration } from '@/components/queue/format';

describe('"Estimativa para término" wording', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [60_000, '1 min'],
    [270_000, '4 min 30 s'],
    [706_000, '11 min'],
    [3_600_000, '1 h'],
    [3_900_000, '1 h 5 min'],
    [86_400_000, '1 d'],
    [2 * 86_400_000 + 4 * 3_600_000, '2 d 4 h'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
