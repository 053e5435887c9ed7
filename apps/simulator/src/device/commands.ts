// What drivers and the CPO do to a charge point, each step logged as the OCPP message it is on the
// CPO side (OCPP 1.6 actions). Driver identity stays in the OCPP log: the 61850 side sees status only.
import type { ChargePointDescription } from '../fleet-file.js';
import type { OcppLog } from '../ocpp/ocpp-log.js';
import type { Prng } from '../prng.js';
import type { ChargePointEnv } from './charge-point.js';
import { chaStName } from './types.js';
import type { ChaStValue, EvSpec, EvseRuntime } from './types.js';

/** A command that cannot be carried out (unknown EVSE, wrong state). */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

export abstract class ChargePointCommands {
  cpoLimitW: number;
  /** The DSO has operated DWMX1.WMaxSpt at least once (its limit then counts as a source). */
  dsoHasSet = false;
  /** The CPO has set its own limit at least once. */
  cpoHasSet = false;
  /** OCPP link between this charge point and its CPO. */
  ocppLinkUp = true;
  private txCounter = 0;

  constructor(
    readonly desc: ChargePointDescription,
    readonly evses: EvseRuntime[],
    protected readonly env: ChargePointEnv,
    readonly rng: Prng,
    readonly ocpp: OcppLog,
  ) {
    this.cpoLimitW = desc.maxImportW;
  }

  get id(): string {
    return this.desc.id;
  }

  evse(evseNo: number): EvseRuntime {
    const e = this.evses.find((x) => x.evseNo === evseNo);
    if (!e) throw new CommandError(`${this.desc.id} has no EVSE ${evseNo}`);
    return e;
  }

  protected log(direction: 'cp→cpo' | 'cpo→cp', action: Parameters<OcppLog['add']>[2], payload: Record<string, unknown> = {}): void {
    this.ocpp.add(this.env.now(), direction, action, payload);
  }

  /** Boot: BootNotification + one StatusNotification per connector. */
  boot(): void {
    this.log('cp→cpo', 'BootNotification', { chargePointVendor: this.desc.vendor, chargePointModel: this.desc.model, chargePointSerialNumber: this.desc.serialNumber, firmwareVersion: this.desc.firmware });
    for (const e of this.evses) this.log('cp→cpo', 'StatusNotification', { connectorId: e.evseNo, status: chaStName(e.status), errorCode: 'NoError' });
  }

  setStatus(e: EvseRuntime, status: ChaStValue, now: number): void {
    if (e.status === status) return;
    e.status = status;
    const name = chaStName(status);
    // OCPP 1.6 has no "Discharging"; the CPO sees Charging with negative power (OCPP 2.1 would say so)
    this.log('cp→cpo', 'StatusNotification', { connectorId: e.evseNo, status: name === 'Discharging' ? 'Charging' : name, errorCode: e.faulted ? 'OtherError' : 'NoError' });
    this.env.emit({ atMs: now, chargePointId: this.desc.id, evseNo: e.evseNo, kind: 'status', detail: name });
  }

  plugIn(evseNo: number, spec: EvSpec, departAt?: number): void {
    const e = this.evse(evseNo);
    if (e.ev) throw new CommandError(`${this.desc.id} EVSE ${evseNo} already has an EV`);
    if (e.faulted || e.unavailable) throw new CommandError(`${this.desc.id} EVSE ${evseNo} is ${e.faulted ? 'faulted' : 'unavailable'}`);
    const maxChargeW = spec.maxChargeW ?? Math.min(e.maxPowerW, 11_000);
    e.ev = { socPct: spec.socPct, capacityWh: spec.capacityWh, v2g: spec.v2g, maxChargeW, maxDischargeW: spec.maxDischargeW ?? maxChargeW };
    if (departAt !== undefined) e.ev.departAt = departAt;
    e.reserved = false;
    e.finishing = false;
    this.env.emit({ atMs: this.env.now(), chargePointId: this.desc.id, evseNo, kind: 'evArrived', detail: `soc ${spec.socPct.toFixed(1)} % v2g ${spec.v2g}` });
  }

  unplug(evseNo: number): void {
    const e = this.evse(evseNo);
    if (!e.ev) throw new CommandError(`${this.desc.id} EVSE ${evseNo} has no EV`);
    if (e.inTransaction) this.stopTransaction(evseNo, 'EVDisconnected');
    e.ev = undefined;
    e.finishing = false;
    this.env.emit({ atMs: this.env.now(), chargePointId: this.desc.id, evseNo, kind: 'evDeparted', detail: '' });
  }

  startTransaction(evseNo: number): void {
    const e = this.evse(evseNo);
    if (!e.ev) throw new CommandError(`${this.desc.id} EVSE ${evseNo}: no EV to charge`);
    if (e.inTransaction) throw new CommandError(`${this.desc.id} EVSE ${evseNo}: a transaction is already running`);
    const idTag = `TAG-${this.rng.int(100000, 999999)}`;
    this.txCounter += 1;
    this.log('cp→cpo', 'Authorize', { idTag });
    this.log('cp→cpo', 'StartTransaction', { connectorId: evseNo, idTag, meterStart: Math.floor(e.importWh), transactionId: this.txCounter });
    e.inTransaction = true;
    e.finishing = false;
    this.env.emit({ atMs: this.env.now(), chargePointId: this.desc.id, evseNo, kind: 'transactionStarted', detail: '' });
  }

  stopTransaction(evseNo: number, reason = 'Local'): void {
    const e = this.evse(evseNo);
    if (!e.inTransaction) throw new CommandError(`${this.desc.id} EVSE ${evseNo}: no transaction running`);
    this.log('cp→cpo', 'StopTransaction', { transactionId: this.txCounter, meterStop: Math.floor(e.importWh), reason });
    e.inTransaction = false;
    e.finishing = true;
    e.powerW = 0;
    this.env.emit({ atMs: this.env.now(), chargePointId: this.desc.id, evseNo, kind: 'transactionStopped', detail: reason });
  }

  /** CPO: ReserveNow. Accepted only on an Available EVSE. */
  cpoReserve(evseNo: number): boolean {
    const e = this.evse(evseNo);
    const ok = !e.ev && !e.faulted && !e.unavailable && !e.reserved;
    this.log('cpo→cp', 'ReserveNow', { connectorId: evseNo, reservationId: this.rng.int(1, 1_000_000), status: ok ? 'Accepted' : 'Occupied' });
    if (ok) e.reserved = true;
    return ok;
  }

  cpoCancelReservation(evseNo: number): void {
    const e = this.evse(evseNo);
    this.log('cpo→cp', 'CancelReservation', { connectorId: evseNo, status: e.reserved ? 'Accepted' : 'Rejected' });
    e.reserved = false;
  }

  /** CPO: ChangeAvailability Inoperative; scheduled while a transaction runs (applies when the EV leaves). */
  cpoSetUnavailable(evseNo: number): void {
    const e = this.evse(evseNo);
    this.log('cpo→cp', 'ChangeAvailability', { connectorId: evseNo, type: 'Inoperative', status: e.ev ? 'Scheduled' : 'Accepted' });
    e.unavailable = true;
    e.reserved = false;
  }

  cpoSetAvailable(evseNo: number): void {
    this.log('cpo→cp', 'ChangeAvailability', { connectorId: evseNo, type: 'Operative', status: 'Accepted' });
    this.evse(evseNo).unavailable = false;
  }

  /** CPO: its own charging limit (TxDefaultProfile), reported as DWMX2.WMaxSpt. */
  cpoSetLimit(limitW: number): void {
    if (!Number.isFinite(limitW) || limitW < 0) throw new CommandError(`CPO limit must be ≥ 0 W, got ${limitW}`);
    this.cpoLimitW = Math.min(limitW, this.desc.maxImportW);
    this.cpoHasSet = true;
    this.log('cpo→cp', 'SetChargingProfile', { connectorId: 0, csChargingProfiles: { chargingProfilePurpose: 'TxDefaultProfile', chargingRateUnit: 'W', limit: this.cpoLimitW } });
  }

  /** CPO: TriggerMessage (MeterValues / StatusNotification) — the charge point answers at once. */
  cpoTrigger(message: 'MeterValues' | 'StatusNotification', evseNo = 0): void {
    this.log('cpo→cp', 'TriggerMessage', { requestedMessage: message, connectorId: evseNo });
    if (message === 'MeterValues') this.logMeterValues();
    else for (const e of this.evses) this.log('cp→cpo', 'StatusNotification', { connectorId: e.evseNo, status: chaStName(e.status), errorCode: 'NoError' });
  }

  logMeterValues(): void {
    for (const e of this.evses) {
      this.log('cp→cpo', 'MeterValues', { connectorId: e.evseNo, 'Power.Active.Import': Math.round(e.powerW), 'Energy.Active.Import.Register': Math.floor(e.importWh), 'Energy.Active.Export.Register': Math.floor(e.exportWh), SoC: e.ev ? Math.round(e.ev.socPct) : undefined });
    }
  }

  fault(evseNo: number): void {
    const e = this.evse(evseNo);
    if (e.inTransaction) this.stopTransaction(evseNo, 'Other');
    e.faulted = true;
    this.env.emit({ atMs: this.env.now(), chargePointId: this.desc.id, evseNo, kind: 'fault', detail: 'raised' });
  }

  clearFault(evseNo: number): void {
    this.evse(evseNo).faulted = false;
    this.env.emit({ atMs: this.env.now(), chargePointId: this.desc.id, evseNo, kind: 'fault', detail: 'cleared' });
  }
}
