import { describe, expect, it } from 'vitest';
import { formatKw, formatPercent, formatPowerW, plural } from '../src/format/units.js';

describe('formatPowerW', () => {
  it('scales to W, kW and MW and always names the unit', () => {
    expect(formatPowerW(0)).toBe('0 W');
    expect(formatPowerW(950)).toBe('950 W');
    expect(formatPowerW(11_000)).toBe('11 kW');
    expect(formatPowerW(7_400)).toBe('7.4 kW');
    expect(formatPowerW(1_600_000)).toBe('1.6 MW');
    expect(formatPowerW(2_345_678)).toBe('2.35 MW');
  });
  it('keeps the sign for export (negative) power', () => {
    expect(formatPowerW(-11_000)).toBe('-11 kW');
  });
  it('shows a dash for values that are not numbers', () => {
    expect(formatPowerW(Number.NaN)).toBe('—');
  });
});

describe('formatKw', () => {
  it('always uses kW so a column compares at a glance', () => {
    expect(formatKw(150_000)).toBe('150 kW');
    expect(formatKw(3_700)).toBe('3.7 kW');
    expect(formatKw(1_200_000)).toBe('1,200 kW');
  });
});

describe('formatPercent and plural', () => {
  it('formats shares and counts', () => {
    expect(formatPercent(0.425)).toBe('43 %');
    expect(plural(1, 'charge point')).toBe('1 charge point');
    expect(plural(12, 'charge point')).toBe('12 charge points');
  });
});
