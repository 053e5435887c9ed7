// DeviceControlPort backed by the protocol library's AcsiClient (packages/iec61850 "ACSI client").
// The RTI layer supplies the client of the association that serves a charge point's LD (its own
// access point, or the CPO gateway's) and the online state; this adapter only maps calls.
import type { AcsiClient, AcsiResult, ControlResult } from '@dso/iec61850';
import { orIdentFromString } from '@dso/iec61850';
import type { ControlCall, DataWrite, DeviceControlPort, DeviceTarget, WriteResult } from './device-control-port.js';

export interface AcsiLinks {
  /** The client of the live association for this target, if any. */
  clientFor(target: DeviceTarget): AcsiClient | undefined;
  isOnline(chargePointId: string): boolean;
}

export interface AcsiPortOptions {
  /** Per request, ms (default: the association's). */
  timeoutMs?: number;
  /** Waiting for CommandTermination (sbo-with-enhanced-security), ms (default 10 000). */
  terminationTimeoutMs?: number;
}

function toWrite(result: AcsiResult<unknown>): WriteResult {
  if (result.ok) return { ok: true };
  const e = result.error;
  if (e.kind === 'serviceError') return { ok: false, serviceError: e.serviceError };
  return { ok: false, failure: e.kind === 'call' ? e.reason : `unexpected response ${e.got}` };
}

export function createAcsiDevicePort(links: AcsiLinks, options: AcsiPortOptions = {}): DeviceControlPort {
  const controlOptions = (call: ControlCall) => ({
    ctlNum: call.ctlNum,
    origin: { orCat: call.origin.orCat, orIdent: orIdentFromString(call.origin.orIdent) },
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.terminationTimeoutMs === undefined ? {} : { terminationTimeoutMs: options.terminationTimeoutMs }),
  });
  const offline = (call: ControlCall, stage: 'operate' | 'select'): ControlResult => ({ ok: false, ctlNum: call.ctlNum, stage, callFailure: 'notAssociated' });

  return {
    isOnline: (chargePointId) => links.isOnline(chargePointId),
    operate: async (target, call) => {
      const client = links.clientFor(target);
      return client ? client.operate(call.ref, call.ctlVal, controlOptions(call)) : offline(call, 'operate');
    },
    selectOperate: async (target, call) => {
      const client = links.clientFor(target);
      return client ? client.selectOperate(call.ref, call.ctlVal, controlOptions(call)) : offline(call, 'select');
    },
    setDataValues: async (target, writes: DataWrite[]) => {
      const client = links.clientFor(target);
      if (!client) return { ok: false, failure: 'notAssociated' };
      for (const w of writes) {
        const r = toWrite(await client.setDataValues(w.ref, w.fc, w.value));
        if (!r.ok) return r;
      }
      return { ok: true };
    },
    readMeter: async (target, method) => {
      const client = links.clientFor(target);
      if (!client) return { ok: false, failure: 'notAssociated' };
      if (method === 'gi') return toWrite(await client.setBRCBValues({ brcbRef: `${target.ldName}/LLN0.brcbEnergy`, gi: true }));
      const registers = toWrite(await client.getDataValues(`${target.ldName}/MMTR1`, 'st'));
      return registers.ok ? toWrite(await client.getDataValues(`${target.ldName}/MMXU1`, 'mx')) : registers;
    },
  };
}
