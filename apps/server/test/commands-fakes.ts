// Fakes for the command tests: a device port that records every call and can refuse, time out or
// go offline; a directory of charge points; a clock that only moves when told.
import type { ControlResult, ControlServiceStatusKind, ServiceStatusKind } from '@dso/iec61850';
import { InMemoryAuditStore } from '../src/features/audit/audit-store.js';
import { createAuditTrail } from '../src/features/audit/audit.service.js';
import type { CommandDeps } from '../src/features/commands/command-runtime.js';
import { InMemoryCommandStore } from '../src/features/commands/command-store.js';
import type { Actor } from '../src/features/commands/command-types.js';
import type { ChargePointControlInfo } from '../src/features/commands/control-target.js';
import type { ControlCall, DataWrite, DeviceControlPort, DeviceTarget, WriteResult } from '../src/features/commands/device-control-port.js';

export type Refusal = { stage?: 'select' | 'operate' | 'termination' | 'timeout'; serviceError?: ServiceStatusKind; addCause?: ControlServiceStatusKind };

export class FakeDevice implements DeviceControlPort {
  readonly online = new Set<string>();
  readonly calls: { op: string; target: DeviceTarget; call?: ControlCall; writes?: DataWrite[]; method?: string }[] = [];
  /** Refusals by the end of the ref (e.g. 'DAGC1.WSpt'); consumed once unless sticky. */
  readonly refusals = new Map<string, Refusal & { sticky?: boolean }>();
  writeError: ServiceStatusKind | undefined;

  isOnline(chargePointId: string): boolean {
    return this.online.has(chargePointId);
  }

  private control(op: string, target: DeviceTarget, call: ControlCall): Promise<ControlResult> {
    this.calls.push({ op, target, call });
    const key = [...this.refusals.keys()].find((k) => call.ref.endsWith(k));
    const refusal = key ? this.refusals.get(key) : undefined;
    if (key && refusal) {
      if (!refusal.sticky) this.refusals.delete(key);
      const r: ControlResult = { ok: false, ctlNum: call.ctlNum, stage: refusal.stage ?? 'operate' };
      if (refusal.serviceError) r.serviceError = refusal.serviceError;
      if (refusal.addCause) r.addCause = refusal.addCause;
      return Promise.resolve(r);
    }
    return Promise.resolve({ ok: true, ctlNum: call.ctlNum });
  }

  operate(target: DeviceTarget, call: ControlCall): Promise<ControlResult> {
    return this.control('operate', target, call);
  }

  selectOperate(target: DeviceTarget, call: ControlCall): Promise<ControlResult> {
    return this.control('selectOperate', target, call);
  }

  setDataValues(target: DeviceTarget, writes: DataWrite[]): Promise<WriteResult> {
    this.calls.push({ op: 'setDataValues', target, writes });
    return Promise.resolve(this.writeError ? { ok: false, serviceError: this.writeError } : { ok: true });
  }

  readMeter(target: DeviceTarget, method: 'gi' | 'getDataValues'): Promise<WriteResult> {
    this.calls.push({ op: 'readMeter', target, method });
    return Promise.resolve({ ok: true });
  }
}

export class FakeClock {
  constructor(private t = new Date('2026-11-25T14:00:00.000Z').getTime()) {}
  now = (): Date => new Date(this.t);
  advance(seconds: number): void {
    this.t += seconds * 1000;
  }
}

export function chargePoint(id: string, extra: Partial<ChargePointControlInfo> = {}): ChargePointControlInfo {
  return {
    id,
    cpoId: 'cpo-a',
    accessPoint: id,
    ldName: id,
    ratedImportW: 22_000,
    ratedExportW: 11_000,
    ratedReactiveVar: 10_000,
    functions: { v2g: true, powerFactor: true, fixedQ: true, frequencyResponse: true },
    evses: [
      { evseNo: 1, v2gCapable: true, evConnected: true, status: 'Charging' },
      { evseNo: 2, v2gCapable: true, evConnected: false, status: 'Available' },
    ],
    ...extra,
  };
}

export const alice: Actor = { kind: 'operator', userId: 'alice', role: 'operator' };
export const bob: Actor = { kind: 'operator', userId: 'bob', role: 'admin' };
export const viewer: Actor = { kind: 'operator', userId: 'vic', role: 'viewer' };
export const cpoUser: Actor = { kind: 'operator', userId: 'carl', role: 'cpo' };

export function setup(cps: ChargePointControlInfo[] = [chargePoint('CP1'), chargePoint('CP2')], extra: Partial<CommandDeps> = {}) {
  const device = new FakeDevice();
  for (const cp of cps) device.online.add(cp.id);
  const clock = new FakeClock();
  const store = new InMemoryCommandStore();
  const auditStore = new InMemoryAuditStore();
  const audit = createAuditTrail(auditStore);
  const published: string[] = [];
  let n = 0;
  const deps: CommandDeps = {
    store,
    device,
    clock,
    audit,
    directory: { get: (id) => Promise.resolve(cps.find((c) => c.id === id)) },
    newId: () => `c${++n}`,
    publish: (c) => published.push(`${c.id}:${c.state}`),
    ...extra,
  };
  return { deps, device, clock, store, audit, auditStore, published, cps };
}
