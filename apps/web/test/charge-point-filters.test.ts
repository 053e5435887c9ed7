import { describe, expect, it } from 'vitest';
import type { ChargePointRow } from '../src/api/types.js';
import {
  filterChargePoints,
  readFilters,
  readSort,
  writeSort,
} from '../src/pages/charge-points/charge-point-filters.js';

const cp = (
  id: string,
  cpoId: string,
  architecture: ChargePointRow['architecture'],
  feederId: string,
): ChargePointRow => ({
  id,
  cpo: { id: cpoId, name: cpoId === 'cpo-a' ? 'VoltCharge' : 'HomeWatt' },
  architecture,
  registration: 'approved',
  connectionPoint: { id: `cp-${id}`, name: `Connection ${id}` },
  feeder: { id: feederId, name: `Feeder ${feederId}` },
  vendor: 'Alfen',
  model: 'Eve Double',
  maxImportW: 22_000,
  maxExportW: 0,
  v2gCapable: false,
  reactiveCapable: true,
  freqResponseCapable: false,
  evseCount: 2,
  address: 'Stationsplein 1, Arnhem',
  live: null,
});

const items = [
  cp('VC-0001', 'cpo-a', 'public', 'f1'),
  cp('HW-0001', 'cpo-b', 'residential', 'f2'),
  cp('VC-0002', 'cpo-a', 'public', 'f2'),
];

describe('charge point filters', () => {
  it('reads filters from the URL and ignores unknown architectures', () => {
    const filters = readFilters(new URLSearchParams('cpo=cpo-a&arch=space&q=eve'));
    expect(filters).toEqual({
      cpoId: 'cpo-a',
      architecture: null,
      text: 'eve',
      feederId: null,
      connectionPointId: null,
    });
  });

  it('filters by CPO, architecture, feeder and every word of the text', () => {
    const base = readFilters(new URLSearchParams());
    expect(filterChargePoints(items, { ...base, cpoId: 'cpo-a' }).map((c) => c.id)).toEqual([
      'VC-0001',
      'VC-0002',
    ]);
    expect(filterChargePoints(items, { ...base, architecture: 'residential' }).map((c) => c.id)).toEqual([
      'HW-0001',
    ]);
    expect(filterChargePoints(items, { ...base, feederId: 'f2' }).map((c) => c.id)).toEqual([
      'HW-0001',
      'VC-0002',
    ]);
    expect(filterChargePoints(items, { ...base, text: 'voltcharge 0002' }).map((c) => c.id)).toEqual([
      'VC-0002',
    ]);
    expect(filterChargePoints(items, { ...base, text: 'nothing-matches' })).toEqual([]);
  });

  it('round-trips the sort through the URL, leaving the default out', () => {
    expect(readSort(new URLSearchParams('sort=maxImportW.desc'))).toEqual({ id: 'maxImportW', desc: true });
    expect(readSort(new URLSearchParams('sort=bogus'))).toEqual({ id: 'id', desc: false });
    expect(writeSort(new URLSearchParams('q=x'), { id: 'id', desc: false }).toString()).toBe('q=x');
    expect(writeSort(new URLSearchParams(), { id: 'evseCount', desc: false }).toString()).toBe(
      'sort=evseCount.asc',
    );
  });
});
