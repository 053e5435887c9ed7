// Reads and checks a scenario file; a problem gives one ScenarioError naming the step and field.
import { readFile } from 'node:fs/promises';
import type { Scenario, Step } from './scenario-types.js';

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

type FieldType = 'string' | 'number' | 'boolean' | 'value' | 'object' | 'string?' | 'number?' | 'boolean?' | 'value?' | 'object?';
type Fields = Record<string, FieldType>;

const EVSE: Fields = { cp: 'string', evse: 'number' };
const DEVICE: Record<string, Fields> = {
  plugIn: { ...EVSE, ev: 'object' },
  unplug: EVSE, startTransaction: EVSE, stopTransaction: EVSE, cpoReserve: EVSE, cpoCancelReservation: EVSE,
  cpoSetUnavailable: EVSE, cpoSetAvailable: EVSE, fault: EVSE, clearFault: EVSE,
  cpoSetLimit: { cp: 'string', w: 'number' },
  cpoTrigger: { cp: 'string', message: 'string' },
  misbehave: { cp: 'string', ignoreLimits: 'boolean?', refuseV2g: 'boolean?' },
  dropLink: { id: 'string' }, restoreLink: { id: 'string' },
  frequencyEvent: { hz: 'number', ms: 'number' },
  advance: { ms: 'number' },
  addChargePoint: { gateway: 'string', cp: 'string' },
};
const CONTROL: Fields = { accessPoint: 'string', ref: 'string', value: 'value', type: 'string?', expect: 'string' };
const DSO: Record<string, Fields> = {
  enableReports: { accessPoint: 'string', ld: 'string' },
  operate: CONTROL, selectOperate: CONTROL,
  write: { accessPoint: 'string', ref: 'string', fc: 'string', value: 'value', type: 'string?', expect: 'string' },
  read: { accessPoint: 'string', ref: 'string', fc: 'string', expect: 'value?', oldData: 'boolean?' },
  waitConnected: { accessPoint: 'string', count: 'number?' },
};
const EXPECT: Record<string, Fields> = {
  state: { cp: 'string', path: 'string', equals: 'value?', atMost: 'number?', atLeast: 'number?' },
  reported: { ref: 'string', value: 'value' },
  ocpp: { cp: 'string', action: 'string', atLeast: 'number?', contains: 'object?' },
  noDriverIdentity: {},
};
const KINDS: Array<[key: 'do' | 'dso' | 'expect', table: Record<string, Fields>]> = [['do', DEVICE], ['dso', DSO], ['expect', EXPECT]];

function fits(v: unknown, type: FieldType): boolean {
  const base = type.replace('?', '');
  if (v === undefined) return type.endsWith('?');
  if (base === 'value') return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string';
  if (base === 'object') return typeof v === 'object' && v !== null && !Array.isArray(v);
  if (base === 'number') return typeof v === 'number' && Number.isFinite(v);
  return typeof v === base;
}

function checkStep(raw: unknown, path: string): Step {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ScenarioError(`${path}: expected an object`);
  const o = raw as Record<string, unknown>;
  // a DSO step carries its own `expect` (the outcome), so "dso" decides before "expect"
  const found = KINDS.filter(([key]) => key in o);
  const kind = found.length === 2 && 'dso' in o && 'expect' in o ? KINDS[1] : found[0];
  if (!kind || (found.length !== 1 && !('dso' in o && found.length === 2 && 'expect' in o))) {
    throw new ScenarioError(`${path}: a step has exactly one of "do", "dso" or "expect"`);
  }
  const [key, table] = kind;
  const name = o[key];
  const fields = typeof name === 'string' ? table[name] : undefined;
  if (!fields) throw new ScenarioError(`${path}.${key}: unknown step "${String(name)}" (known: ${Object.keys(table).join(', ')})`);
  for (const [field, type] of Object.entries(fields)) {
    if (!fits(o[field], type)) throw new ScenarioError(`${path}.${field}: expected ${type.replace('?', '')}${type.endsWith('?') ? ' (optional)' : ''} for "${String(name)}"`);
  }
  if (key === 'do' && (name === 'advance' || name === 'frequencyEvent') && ((o.ms as number) < 0 || (o.ms as number) > 86_400_000)) {
    throw new ScenarioError(`${path}.ms: expected 0..86400000`);
  }
  return raw as Step;
}

export function parseScenario(json: unknown, source = 'scenario'): Scenario {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ScenarioError(`${source}: expected an object`);
  const o = json as Record<string, unknown>;
  for (const field of ['name', 'useCase', 'architecture']) {
    if (typeof o[field] !== 'string') throw new ScenarioError(`${source}.${field}: expected a string`);
  }
  if (!['public', 'residential', 'both'].includes(o.architecture as string)) throw new ScenarioError(`${source}.architecture: expected public, residential or both`);
  if (!Array.isArray(o.steps) || o.steps.length === 0) throw new ScenarioError(`${source}.steps: expected a non-empty array`);
  const steps = o.steps.map((s, i) => checkStep(s, `${source}.steps[${i}]`));
  const scenario: Scenario = { name: o.name as string, useCase: o.useCase as string, architecture: o.architecture as Scenario['architecture'], steps };
  if (typeof o.description === 'string') scenario.description = o.description;
  return scenario;
}

export async function loadScenarioFile(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseScenario(json, file);
}
