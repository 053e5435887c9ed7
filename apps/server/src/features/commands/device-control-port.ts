// The device link as a port. Result shapes are the protocol library's (packages/iec61850 README,
// "ACSI client"), so an adapter over AcsiClient is a thin mapping: operate → client.operate,
// selectOperate → client.selectOperate, setDataValues → client.setDataValues per write,
// readMeter → a GI on brcbEnergy / urcbMeasurements or getDataValues on MMTR1 / MMXU1.
import type { ControlResult, Data, FC, ServiceStatusKind } from '@dso/iec61850';
import type { OrCat } from './command-types.js';

/** Where a command goes: a public charge point's LD, or the LD of a residential charge point in a CPO gateway. */
export interface DeviceTarget {
  chargePointId: string;
  accessPoint: string;
  ldName: string;
}

export interface ControlCall {
  /** Full reference of the controllable data object, e.g. CP0001/DWMX1.WMaxSpt. */
  ref: string;
  ctlVal: Data;
  ctlNum: number;
  origin: { orCat: OrCat; orIdent: string };
}

export interface DataWrite {
  /** Full reference of the attribute, e.g. CP0001/DWMX1.WMaxSet.setMag.f. */
  ref: string;
  fc: FC;
  value: Data;
}

export type WriteResult = { ok: true } | { ok: false; serviceError?: ServiceStatusKind; failure?: string };

export interface DeviceControlPort {
  isOnline(chargePointId: string): boolean;
  /** direct-with-normal-security. */
  operate(target: DeviceTarget, call: ControlCall): Promise<ControlResult>;
  /** sbo-with-enhanced-security: SelectWithValue → Operate → CommandTermination. */
  selectOperate(target: DeviceTarget, call: ControlCall): Promise<ControlResult>;
  /** Settings (FC sp); all writes of one command, in order; stops at the first failure. */
  setDataValues(target: DeviceTarget, writes: DataWrite[]): Promise<WriteResult>;
  /** A fresh reading: general interrogation, or a read of the registers and measurements. */
  readMeter(target: DeviceTarget, method: 'gi' | 'getDataValues'): Promise<WriteResult>;
}
