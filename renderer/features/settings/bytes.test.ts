import { describe, expect, it } from 'vitest';
import { byteUnits } from './bytes.js';

describe('byteUnits', () => {
  it('picks a unit and rounds to one decimal', () => {
    expect(byteUnits(512)).toEqual({ unit: 'b', value: 512 });
    expect(byteUnits(4096)).toEqual({ unit: 'kb', value: 4 });
    expect(byteUnits(1536 * 1024)).toEqual({ unit: 'mb', value: 1.5 });
    expect(byteUnits(3 * 1024 ** 3)).toEqual({ unit: 'gb', value: 3 });
  });
});
