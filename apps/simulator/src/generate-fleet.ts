// A fleet of any size from a seed: public charge points (one access point each, ids VC-0001...)
// and residential ones behind CPO gateways (GW-HOMEWATT, then GW-HOMEWATT-2… per 250; ids
// HW-0001...). The same seed gives the same fleet.
import type { AccessPointDescription, ChargePointDescription, EvseDescription, FleetDescription } from './fleet-file.js';
import { Prng } from './prng.js';

export interface GenerateFleetOptions {
  public?: number;
  residential?: number;
  seed?: number;
  /** Provisioning token used by every access point (default `sim-<access point>`). */
  token?: string;
  publicCpoId?: string;
  residentialCpoId?: string;
  gatewayId?: string;
  /** Residential charge points per CPO gateway (default 250); more make GW-…-2, GW-…-3, … */
  maxPerGateway?: number;
}

const pad = (n: number): string => String(n).padStart(4, '0');

function publicChargePoint(n: number, cpoId: string, rng: Prng): ChargePointDescription {
  const dc = rng.chance(0.15);
  const v2g = rng.chance(0.35);
  const evseW = dc ? 50_000 : 11_000;
  const evses: EvseDescription[] = [1, 2].map((evseNo) => ({ evseNo, maxPowerW: evseW, connectorType: dc ? 'ccs2' : 'type2', v2gCapable: v2g }));
  const maxImportW = dc ? 100_000 : 22_000;
  return {
    id: `VC-${pad(n)}`, logicalDevice: `VC-${pad(n)}`, cpoId, architecture: 'public',
    vendor: dc ? 'Fastned-like' : 'Alfen-like', model: dc ? 'DC-100' : 'Twin-22', serialNumber: `SN-VC-${pad(n)}`, firmware: '4.2.1',
    maxImportW, maxExportW: v2g ? maxImportW / 2 : 0, maxReactiveVar: maxImportW / 2,
    v2gCapable: v2g, reactiveCapable: rng.chance(0.8), freqResponseCapable: rng.chance(0.7), evses,
  };
}

function residentialChargePoint(n: number, cpoId: string, rng: Prng): ChargePointDescription {
  const w = rng.pick([7_400, 11_000] as const);
  const v2g = rng.chance(0.25);
  return {
    id: `HW-${pad(n)}`, logicalDevice: `HW-${pad(n)}`, cpoId, architecture: 'residential',
    vendor: 'Wallbox-like', model: w === 7_400 ? 'Home-7' : 'Home-11', serialNumber: `SN-HW-${pad(n)}`, firmware: '1.9.0',
    maxImportW: w, maxExportW: v2g ? w : 0, maxReactiveVar: w / 2,
    v2gCapable: v2g, reactiveCapable: rng.chance(0.5), freqResponseCapable: rng.chance(0.5),
    evses: [{ evseNo: 1, maxPowerW: w, connectorType: 'type2', v2gCapable: v2g }],
  };
}

export function generateFleet(options: GenerateFleetOptions = {}): FleetDescription {
  const rng = new Prng(options.seed ?? 1);
  const publicCpo = options.publicCpoId ?? 'cpo-voltcharge';
  const residentialCpo = options.residentialCpoId ?? 'cpo-homewatt';
  const gatewayId = options.gatewayId ?? 'GW-HOMEWATT';
  const tokenFor = (ap: string): string => options.token ?? `sim-${ap}`;
  const accessPoints: AccessPointDescription[] = [];
  for (let n = 1; n <= (options.public ?? 0); n += 1) {
    const cp = publicChargePoint(n, publicCpo, rng);
    accessPoints.push({ id: cp.id, kind: 'chargePoint', cpoId: publicCpo, token: tokenFor(cp.id), chargePoints: [cp] });
  }
  // one IED per gateway: the report engine's work per change grows with the LDs of an IED, so large
  // residential fleets are spread over several gateways (NOTES-to-protocol.md)
  const residential = options.residential ?? 0;
  const perGateway = Math.max(1, options.maxPerGateway ?? 250);
  for (let first = 1, g = 1; first <= residential; first += perGateway, g += 1) {
    const count = Math.min(perGateway, residential - first + 1);
    const chargePoints = Array.from({ length: count }, (_v, i) => residentialChargePoint(first + i, residentialCpo, rng));
    const id = g === 1 ? gatewayId : `${gatewayId}-${g}`;
    accessPoints.push({ id, kind: 'cpoGateway', cpoId: residentialCpo, token: tokenFor(id), chargePoints });
  }
  return { accessPoints };
}
