import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal } from './number-input.ts';

describe('typing a measurement', () => {
  it.each([
    ['0,85', 0.85],
    ['0.85', 0.85],
    [' 12 ', 12],
    ['-2', -2],
    [',5', 0.5],
    ['3,', 3],
  ])('reads %j as %d', (text, value) => {
    expect(parseDecimal(text)).toEqual({ kind: 'number', value });
  });

  it.each(['abc', '1,2,3', '1.2.3', '1,2.3', '--1', '1e5', '0x10'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toEqual({ kind: 'invalid' });
  });

  it('treats an empty field as no answer', () => {
    expect(parseDecimal('   ')).toEqual({ kind: 'empty' });
  });

  it('shows a stored number with a decimal comma', () => {
    expect(formatDecimal(0.85)).toBe('0,85');
    expect(formatDecimal(12)).toBe('12');
    expect(formatDecimal(0.85, '.')).toBe('0.85');
  });
});
