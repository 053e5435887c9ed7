// The fleet file format shared with the server's seed (`data/demo-fleet.json`): access points
// (a public charge point, or a CPO gateway) with their device token and charge points. Read and
// checked here by hand so a broken file gets one clear message naming the field.
import { readFile } from 'node:fs/promises';

export type Architecture = 'public' | 'residential';
export type ConnectorType = 'type2' | 'ccs2' | 'chademo';

export interface EvseDescription {
  evseNo: number;
  maxPowerW: number;
  connectorType: ConnectorType;
  v2gCapable: boolean;
}

export interface ChargePointDescription {
  id: string;
  logicalDevice: string;
  cpoId: string;
  architecture: Architecture;
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
  evses: EvseDescription[];
}

export interface AccessPointDescription {
  id: string;
  kind: 'chargePoint' | 'cpoGateway';
  cpoId: string;
  token: string;
  chargePoints: ChargePointDescription[];
}

export interface FleetDescription {
  accessPoints: AccessPointDescription[];
}

/** A fleet file that cannot be used; `path` names the offending field. */
export class FleetFileError extends Error {
  override readonly name = 'FleetFileError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

type Obj = Record<string, unknown>;

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new FleetFileError(path, 'expected an object');
  return v as Obj;
}
function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new FleetFileError(path, 'expected an array');
  return v;
}
function str(o: Obj, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.length === 0) throw new FleetFileError(`${path}.${key}`, 'expected a non-empty string');
  return v;
}
function num(o: Obj, key: string, path: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new FleetFileError(`${path}.${key}`, 'expected a number ≥ 0');
  return v;
}
function bool(o: Obj, key: string, path: string): boolean {
  const v = o[key];
  if (typeof v !== 'boolean') throw new FleetFileError(`${path}.${key}`, 'expected true or false');
  return v;
}
function oneOf<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[]): T {
  const v = o[key];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new FleetFileError(`${path}.${key}`, `expected one of ${allowed.join(', ')}`);
  }
  return v as T;
}

const LD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

function parseEvse(v: unknown, path: string): EvseDescription {
  const o = obj(v, path);
  const evseNo = num(o, 'evseNo', path);
  if (!Number.isInteger(evseNo) || evseNo < 1 || evseNo > 16) throw new FleetFileError(`${path}.evseNo`, 'expected an integer 1..16');
  return {
    evseNo,
    maxPowerW: num(o, 'maxPowerW', path),
    connectorType: oneOf(o, 'connectorType', path, ['type2', 'ccs2', 'chademo'] as const),
    v2gCapable: bool(o, 'v2gCapable', path),
  };
}

function parseChargePoint(v: unknown, path: string): ChargePointDescription {
  const o = obj(v, path);
  const id = str(o, 'id', path);
  const logicalDevice = typeof o.logicalDevice === 'string' ? o.logicalDevice : id;
  if (!LD_NAME.test(logicalDevice)) throw new FleetFileError(`${path}.logicalDevice`, `"${logicalDevice}" is not a valid logical device name`);
  const evses = arr(o.evses, `${path}.evses`).map((e, i) => parseEvse(e, `${path}.evses[${i}]`));
  if (evses.length === 0) throw new FleetFileError(`${path}.evses`, 'a charge point needs at least one EVSE');
  const numbers = evses.map((e) => e.evseNo);
  if (new Set(numbers).size !== numbers.length) throw new FleetFileError(`${path}.evses`, 'evseNo values must be unique');
  return {
    id,
    logicalDevice,
    cpoId: str(o, 'cpoId', path),
    architecture: oneOf(o, 'architecture', path, ['public', 'residential'] as const),
    vendor: str(o, 'vendor', path),
    model: str(o, 'model', path),
    serialNumber: str(o, 'serialNumber', path),
    firmware: str(o, 'firmware', path),
    maxImportW: num(o, 'maxImportW', path),
    maxExportW: num(o, 'maxExportW', path),
    maxReactiveVar: num(o, 'maxReactiveVar', path),
    v2gCapable: bool(o, 'v2gCapable', path),
    reactiveCapable: bool(o, 'reactiveCapable', path),
    freqResponseCapable: bool(o, 'freqResponseCapable', path),
    evses,
  };
}

function parseAccessPoint(v: unknown, path: string): AccessPointDescription {
  const o = obj(v, path);
  const kind = oneOf(o, 'kind', path, ['chargePoint', 'cpoGateway'] as const);
  const chargePoints = arr(o.chargePoints, `${path}.chargePoints`).map((c, i) => parseChargePoint(c, `${path}.chargePoints[${i}]`));
  if (kind === 'chargePoint' && chargePoints.length !== 1) {
    throw new FleetFileError(`${path}.chargePoints`, 'a public charge point access point has exactly one charge point');
  }
  const token = typeof o.token === 'string' ? o.token : '';
  return { id: str(o, 'id', path), kind, cpoId: str(o, 'cpoId', path), token, chargePoints };
}

/** Checks an already-parsed JSON value; throws FleetFileError naming the first problem. */
export function parseFleet(value: unknown): FleetDescription {
  const root = obj(value, 'fleet');
  const accessPoints = arr(root.accessPoints, 'fleet.accessPoints').map((a, i) => parseAccessPoint(a, `fleet.accessPoints[${i}]`));
  const seen = new Set<string>();
  const once = (key: string, name: string): void => {
    if (seen.has(key)) throw new FleetFileError('fleet.accessPoints', `"${name}" appears twice`);
    seen.add(key);
  };
  for (const ap of accessPoints) {
    once(`ap:${ap.id}`, ap.id);
    for (const cp of ap.chargePoints) once(`cp:${cp.id}`, cp.id);
  }
  return { accessPoints };
}

/** Reads and checks a fleet file (e.g. `data/demo-fleet.json`). */
export async function loadFleetFile(file: string): Promise<FleetDescription> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FleetFileError(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FleetFileError(file, `not valid JSON (${(error as Error).message})`);
  }
  return parseFleet(json);
}
