// Discovery of one logical device (DOMAIN.md §3): its LN directory, checked against the profile
// (required LNs, optional functions = capabilities), its nameplate (LPHD1.PhyNam, LLN0.NamPlt
// configRev, LPHD1.Proxy) and ratings (DPCC1). Read-only; the caller decides what to store.
import type { AcsiClient, Data, DataAttributeValue } from '@dso/iec61850';
import type { Nameplate } from '../features/devices/devices.repository.js';
import { CAPABILITY_LNS, REQUIRED_LNS } from '../ingest/profile.js';
import { numberOf } from '../ingest/quality.js';

export interface Discovered {
  ld: string;
  /** units.multiplier (power of ten) per measured data object path that is not 0, e.g. { 'MMXU1.TotW': 3 } */
  multipliers: Map<string, number>;
  logicalNodes: string[];
  /** required LNs of the profile the device lacks (it is still ingested, with a warning) */
  missing: string[];
  nameplate: Nameplate;
  /** EVSEs from the DESE<n> LNs, with DESE<n>.V2gCap */
  evses: DiscoveredEvse[];
}

export interface DiscoveredEvse {
  evseNo: number;
  v2gCapable: boolean;
}

export class DiscoveryError extends Error {}

const text = (data: Data | undefined): string => {
  if (!data) return '';
  for (const k of ['visString255', 'visString129', 'visString64'] as const) if (k in data) return (data as Record<typeof k, string>)[k];
  return '';
};

const named = (values: DataAttributeValue[], name: string) => values.find((v) => v.name === name)?.data;

async function readNumber(client: AcsiClient, ref: string, fc: 'sp' | 'st'): Promise<number | undefined> {
  const r = await client.getValue(ref, fc);
  return r.ok ? numberOf(r.value) : undefined;
}

async function readNamed(client: AcsiClient, ref: string): Promise<DataAttributeValue[]> {
  const r = await client.getDataValues(ref, 'dc', { includeElementName: true });
  return r.ok ? r.value : [];
}

/** The configRev of an LD's LLN0.NamPlt ('' when it cannot be read). */
export async function readConfigRev(client: AcsiClient, ld: string): Promise<string> {
  return text(named(await readNamed(client, `${ld}/LLN0.NamPlt`), 'configRev'));
}

export async function discoverLogicalDevice(client: AcsiClient, ld: string): Promise<Discovered> {
  const dir = await client.getLogicalDeviceDirectory(ld);
  if (!dir.ok) throw new DiscoveryError(`cannot read the directory of ${ld}: ${JSON.stringify(dir.error)}`);
  const lns = dir.value.map((n) => (n.includes('/') ? (n.split('/')[1] ?? n) : n));
  const has = (ln: string) => lns.includes(ln);
  const [phyNam, namPlt, wRtg, wExpRtg, varRtg, proxy] = await Promise.all([
    readNamed(client, `${ld}/LPHD1.PhyNam`),
    readNamed(client, `${ld}/LLN0.NamPlt`),
    readNumber(client, `${ld}/DPCC1.WRtg.setMag.f`, 'sp'),
    readNumber(client, `${ld}/DPCC1.WExpRtg.setMag.f`, 'sp'),
    readNumber(client, `${ld}/DPCC1.VArRtg.setMag.f`, 'sp'),
    readNumber(client, `${ld}/LPHD1.Proxy.stVal`, 'st'),
  ]);
  const evseNos = lns.flatMap((ln) => /^DESE(\d{1,3})$/.exec(ln)?.[1] ?? []).map(Number).sort((a, b) => a - b);
  const evseV2g = await Promise.all(evseNos.map((n) => readNumber(client, `${ld}/DESE${n}.V2gCap.stVal`, 'st')));
  return {
    ld,
    evses: evseNos.map((evseNo, i) => ({ evseNo, v2gCapable: evseV2g[i] === 1 })),
    multipliers: await readMultipliers(client, ld, lns),
    logicalNodes: lns,
    missing: REQUIRED_LNS.filter((ln) => !has(ln)),
    nameplate: {
      vendor: text(named(phyNam, 'vendor')),
      model: text(named(phyNam, 'model')),
      serialNumber: text(named(phyNam, 'serNum')),
      firmware: text(named(phyNam, 'swRev')),
      configRev: text(named(namPlt, 'configRev')),
      maxImportW: Math.round(wRtg ?? 0),
      maxExportW: Math.round(wExpRtg ?? 0),
      maxReactiveVar: Math.round(varRtg ?? 0),
      v2gCapable: has(CAPABILITY_LNS.v2g),
      reactiveCapable: has(CAPABILITY_LNS.reactive),
      freqResponseCapable: has(CAPABILITY_LNS.freqResponse),
      proxy: proxy === 1,
    },
  };
}

/** The measured objects of the profile this LD has (MMXU1/MMTR1 and the EVSE-prefixed ones). */
function measuredObjects(lns: string[]): string[] {
  const out: string[] = [];
  for (const ln of lns) {
    if (/^(EVSE\d+)?MMXU1$/.test(ln)) out.push(...(ln === 'MMXU1' ? ['TotW', 'TotVAr', 'TotPF', 'Hz'] : ['TotW']).map((d) => `${ln}.${d}`));
    if (/^(EVSE\d+)?MMTR1$/.test(ln)) out.push(`${ln}.DmdWh`, `${ln}.SupWh`);
  }
  return out;
}

/** units.multiplier of the measured objects (CF); unreadable or absent counts as 0. */
async function readMultipliers(client: AcsiClient, ld: string, lns: string[]): Promise<Map<string, number>> {
  const objects = measuredObjects(lns);
  const values = await Promise.all(objects.map((o) => client.getValue(`${ld}/${o}.units.multiplier`, 'cf')));
  const out = new Map<string, number>();
  values.forEach((r, i) => {
    const m = r.ok ? numberOf(r.value) : undefined;
    const object = objects[i];
    if (object !== undefined && m !== undefined && m !== 0 && Number.isInteger(m) && Math.abs(m) <= 24) out.set(object, m);
  });
  return out;
}
