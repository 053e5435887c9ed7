// The demo grid as plain data: one substation, two MV/LV transformers, four LV feeders, 46
// connection points and 59 charge points of two CPOs. Deterministic (no randomness), so tests and
// screenshots can rely on ids. Capacities follow DOMAIN.md §5: households 3×25 A ≈ 17.3 kVA,
// public posts 3×35 A ≈ 24 kW (2×11 kW sockets, so local load sharing is normal), larger
// connections 3×80 A ≈ 55 kW, a DC plaza of 4×50 kW on a 250 kW connection.

export interface DemoGridNode {
  id: string;
  kind: 'substation' | 'transformer' | 'feeder' | 'connectionPoint';
  name: string;
  parentId: string | null;
  capacityW: number;
}

export interface DemoChargePoint {
  id: string;
  cpoId: string;
  architecture: 'public' | 'residential';
  accessPointId: string;
  connectionPointId: string;
  vendor: string;
  model: string;
  serialNumber: string;
  firmware: string;
  maxImportW: number;
  maxExportW: number;
  maxReactiveVar: number;
  v2gCapable: boolean;
  reactiveCapable: boolean;
  freqResponseCapable: boolean;
  address: string;
  evses: Array<{ evseNo: number; maxPowerW: number; connectorType: 'type2' | 'ccs2' | 'chademo'; v2gCapable: boolean }>;
}

export const DSO_ORG = { id: 'dso', name: 'Stadsnet DSO', kind: 'dso' } as const;
export const CPO_ORGS = [
  { id: 'cpo-voltcharge', name: 'VoltCharge', kind: 'cpo' },
  { id: 'cpo-homewatt', name: 'HomeWatt', kind: 'cpo' },
] as const;
export const HOMEWATT_GATEWAY = 'GW-HOMEWATT';

const pad = (n: number, w = 4) => String(n).padStart(w, '0');
const HOUSEHOLD_W = 17_250; // 3×25 A
const POST_W = 24_000; // 3×35 A
const LARGE_W = 55_400; // 3×80 A

const streets = ['Havenstraat', 'Kerkweg', 'Molenlaan', 'Dorpsstraat', 'Stationsplein', 'Parklaan', 'Schoolstraat', 'Beukenlaan'];

export function buildDemoGrid(): { nodes: DemoGridNode[]; chargePoints: DemoChargePoint[] } {
  const nodes: DemoGridNode[] = [
    { id: 'SUB-RH', kind: 'substation', name: 'Rijnhaven 10 kV substation', parentId: null, capacityW: 1_200_000 },
    { id: 'TR-1', kind: 'transformer', name: 'Transformer T1 (630 kVA)', parentId: 'SUB-RH', capacityW: 630_000 },
    { id: 'TR-2', kind: 'transformer', name: 'Transformer T2 (630 kVA)', parentId: 'SUB-RH', capacityW: 630_000 },
    { id: 'FD-1', kind: 'feeder', name: 'Feeder 1 Havenstraat', parentId: 'TR-1', capacityW: 300_000 },
    { id: 'FD-2', kind: 'feeder', name: 'Feeder 2 Kerkweg', parentId: 'TR-1', capacityW: 250_000 },
    { id: 'FD-3', kind: 'feeder', name: 'Feeder 3 Molenlaan', parentId: 'TR-2', capacityW: 250_000 },
    { id: 'FD-4', kind: 'feeder', name: 'Feeder 4 Beukenlaan', parentId: 'TR-2', capacityW: 250_000 },
  ];
  const chargePoints: DemoChargePoint[] = [];
  let cpNo = 0;
  const counters = { vc: 0, hw: 0 };
  const addConnectionPoint = (feederId: string, capacityW: number, label: string): string => {
    cpNo += 1;
    const id = `CNP-${pad(cpNo, 3)}`;
    nodes.push({ id, kind: 'connectionPoint', name: `${label} (${id})`, parentId: feederId, capacityW });
    return id;
  };
  const address = (i: number) => `${streets[i % streets.length]} ${(i * 7) % 120 + 1}`;

  const publicPost = (cpo: 'vc' | 'hw', connectionPointId: string, v2g: boolean) => {
    counters[cpo] += 1;
    const n = counters[cpo];
    const id = `${cpo === 'vc' ? 'VC' : 'HW'}-${pad(n)}`;
    chargePoints.push({
      id,
      cpoId: cpo === 'vc' ? 'cpo-voltcharge' : 'cpo-homewatt',
      architecture: 'public',
      accessPointId: id,
      connectionPointId,
      vendor: v2g ? 'Bidirex' : 'Alfen',
      model: v2g ? 'BX-22 V2G' : 'Eve Double Pro-line',
      serialNumber: `SN${cpo.toUpperCase()}${pad(n, 6)}`,
      firmware: v2g ? '3.2.1' : '6.4.0',
      maxImportW: 22_000,
      maxExportW: v2g ? 22_000 : 0,
      maxReactiveVar: 11_000,
      v2gCapable: v2g,
      reactiveCapable: true,
      freqResponseCapable: true,
      address: address(cpNo),
      evses: [1, 2].map((evseNo) => ({ evseNo, maxPowerW: 11_000, connectorType: 'type2' as const, v2gCapable: v2g })),
    });
  };
  const residentialBox = (connectionPointId: string) => {
    counters.hw += 1;
    const n = counters.hw;
    const id = `HW-${pad(n)}`;
    const v2g = n % 5 === 0;
    chargePoints.push({
      id,
      cpoId: 'cpo-homewatt',
      architecture: 'residential',
      accessPointId: HOMEWATT_GATEWAY,
      connectionPointId,
      vendor: v2g ? 'Bidirex' : 'Zaptec',
      model: v2g ? 'BX-11 Home V2G' : 'Go 11',
      serialNumber: `SNHW${pad(n, 6)}`,
      firmware: v2g ? '3.2.1' : '2.9.0',
      maxImportW: 11_000,
      maxExportW: v2g ? 11_000 : 0,
      maxReactiveVar: n % 3 === 0 ? 0 : 5_000,
      v2gCapable: v2g,
      reactiveCapable: n % 3 !== 0,
      freqResponseCapable: n % 4 !== 0,
      address: address(cpNo),
      evses: [{ evseNo: 1, maxPowerW: 11_000, connectorType: 'type2', v2gCapable: v2g }],
    });
  };

  // Feeder 1: eight VoltCharge posts (two V2G) and the DC plaza.
  for (let i = 0; i < 8; i++) publicPost('vc', addConnectionPoint('FD-1', POST_W, 'Public post'), i === 2 || i === 5);
  const plaza = addConnectionPoint('FD-1', 250_000, 'DC plaza Havenstraat');
  for (let i = 1; i <= 4; i++) {
    const id = `VC-DC${i}`;
    const v2g = i === 4;
    chargePoints.push({
      id,
      cpoId: 'cpo-voltcharge',
      architecture: 'public',
      accessPointId: id,
      connectionPointId: plaza,
      vendor: 'Kempower',
      model: v2g ? 'S-Series CHAdeMO V2G' : 'S-Series',
      serialNumber: `SNKDC${pad(i, 6)}`,
      firmware: '1.18.2',
      maxImportW: 50_000,
      maxExportW: v2g ? 50_000 : 0,
      maxReactiveVar: 20_000,
      v2gCapable: v2g,
      reactiveCapable: true,
      freqResponseCapable: true,
      address: 'Havenstraat 1 (DC plaza)',
      evses: [{ evseNo: 1, maxPowerW: 50_000, connectorType: v2g ? 'chademo' : 'ccs2', v2gCapable: v2g }],
    });
  }
  // Feeder 2: a car park with six VoltCharge posts on one 3×80 A connection; nine households.
  const carPark = addConnectionPoint('FD-2', LARGE_W, 'Car park Kerkweg');
  for (let i = 0; i < 6; i++) publicPost('vc', carPark, false);
  for (let i = 0; i < 9; i++) residentialBox(addConnectionPoint('FD-2', HOUSEHOLD_W, 'Household'));
  // Feeder 3: an office garage with six HomeWatt public posts; eleven households.
  const garage = addConnectionPoint('FD-3', LARGE_W, 'Office garage Molenlaan');
  for (let i = 0; i < 6; i++) publicPost('hw', garage, i === 0);
  for (let i = 0; i < 11; i++) residentialBox(addConnectionPoint('FD-3', HOUSEHOLD_W, 'Household'));
  // Feeder 4: fifteen households.
  for (let i = 0; i < 15; i++) residentialBox(addConnectionPoint('FD-4', HOUSEHOLD_W, 'Household'));
  return { nodes, chargePoints };
}
