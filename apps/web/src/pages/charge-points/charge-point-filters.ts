// Charge point list filters, kept in the URL (?cpo=&arch=&q=&feeder=&cp=&sort=) so every view is shareable.
import type { ChargePointRow } from '../../api/types.js';

export type Architecture = ChargePointRow['architecture'];

export interface ChargePointFilters {
  cpoId: string | null;
  architecture: Architecture | null;
  text: string;
  feederId: string | null;
  connectionPointId: string | null;
}

export interface SortSpec {
  id: string;
  desc: boolean;
}

const ARCHITECTURES: readonly Architecture[] = ['public', 'residential'];

export function readFilters(params: URLSearchParams): ChargePointFilters {
  const arch = params.get('arch');
  return {
    cpoId: params.get('cpo') || null,
    architecture: ARCHITECTURES.find((a) => a === arch) ?? null,
    text: params.get('q') ?? '',
    feederId: params.get('feeder') || null,
    connectionPointId: params.get('cp') || null,
  };
}

/** `sort=maxImportW.desc` → { id: 'maxImportW', desc: true }; default: by id ascending. */
export function readSort(params: URLSearchParams): SortSpec {
  const raw = params.get('sort') ?? '';
  const match = /^([A-Za-z]+)\.(asc|desc)$/.exec(raw);
  return match?.[1] ? { id: match[1], desc: match[2] === 'desc' } : { id: 'id', desc: false };
}

export function writeSort(params: URLSearchParams, sort: SortSpec | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (!sort || (sort.id === 'id' && !sort.desc)) next.delete('sort');
  else next.set('sort', `${sort.id}.${sort.desc ? 'desc' : 'asc'}`);
  return next;
}

export function writeParam(params: URLSearchParams, name: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(name, value);
  else next.delete(name);
  return next;
}

function haystack(cp: ChargePointRow): string {
  return [cp.id, cp.cpo.name, cp.address, cp.vendor, cp.model, cp.connectionPoint?.name, cp.feeder?.name]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

export function filterChargePoints(
  items: readonly ChargePointRow[],
  filters: ChargePointFilters,
): ChargePointRow[] {
  const words = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((cp) => {
    if (filters.cpoId && cp.cpo.id !== filters.cpoId) return false;
    if (filters.architecture && cp.architecture !== filters.architecture) return false;
    if (filters.feederId && cp.feeder?.id !== filters.feederId) return false;
    if (filters.connectionPointId && cp.connectionPoint?.id !== filters.connectionPointId) return false;
    if (words.length === 0) return true;
    const text = haystack(cp);
    return words.every((word) => text.includes(word));
  });
}

export function hasAnyFilter(filters: ChargePointFilters): boolean {
  return Boolean(
    filters.cpoId || filters.architecture || filters.text || filters.feederId || filters.connectionPointId,
  );
}
