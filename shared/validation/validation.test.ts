import { describe, expect, it } from 'vitest';
import { maskCnic, normaliseCnic } from './cnic.js';
import { maskPhone, normalisePhone } from './phone.js';

describe('CNIC', () => {
  it.each([
    ['42101-1234567-1', '42101-1234567-1'],
    ['4210112345671', '42101-1234567-1'],
    [' 42101 1234567 1 ', '42101-1234567-1'],
  ])('normalises %s', (raw, expected) => expect(normaliseCnic(raw)).toBe(expected));

  it.each(['', '42101-123456-1', '02101-1234567-1', '92101-1234567-1', '82101-0000000-1', '42101-0000000-1', 'abcde-fghijkl-m', '42101-1234567-12'])(
    'rejects impossible %s',
    (raw) => expect(normaliseCnic(raw)).toBeNull(),
  );

  it('masks all but the province and check digits', () => {
    expect(maskCnic('42101-1234567-1')).toBe('4****-*******-1');
  });
});

describe('phone', () => {
  it.each([
    ['0300-1234567', '+923001234567'],
    ['03001234567', '+923001234567'],
    ['923001234567', '+923001234567'],
    ['+92 300 1234567', '+923001234567'],
    ['0092-300-1234567', '+923001234567'],
    ['021-34567890', '+922134567890'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('normalises %s', (raw, expected) => expect(normalisePhone(raw)).toBe(expected));

  it.each(['', '0300-12345', '+92 300 12345678', 'call me', '12345'])('rejects %s', (raw) => expect(normalisePhone(raw)).toBeNull());

  it('masks the middle digits', () => expect(maskPhone('+923001234567')).toBe('+92300*****67'));
});
