// The OCPP side between a charge point and its CPO, modelled as messages (OCPP 1.6 action names;
// V2G setpoints as OCPP 2.1 would carry them) and kept per charge point so a use case can be
// followed as the paper draws it. Driver identity (idTag, transactionId) lives only here: it never
// reaches the IEC 61850 model.

export type OcppAction =
  | 'BootNotification'
  | 'StatusNotification'
  | 'Authorize'
  | 'StartTransaction'
  | 'StopTransaction'
  | 'MeterValues'
  | 'SetChargingProfile'
  | 'ReserveNow'
  | 'CancelReservation'
  | 'ChangeAvailability'
  | 'TriggerMessage';

export interface OcppMessage {
  atMs: number;
  /** cp→cpo: sent by the charge point; cpo→cp: sent by the CPO back-end (or the gateway). */
  direction: 'cp→cpo' | 'cpo→cp';
  action: OcppAction;
  payload: Record<string, unknown>;
}

export class OcppLog {
  private readonly entries: OcppMessage[] = [];
  private dropped = 0;

  constructor(
    private readonly capacity = 500,
    private readonly keepMeterValues = true,
  ) {}

  add(atMs: number, direction: OcppMessage['direction'], action: OcppAction, payload: Record<string, unknown> = {}): void {
    if (action === 'MeterValues' && !this.keepMeterValues) return;
    this.entries.push({ atMs, direction, action, payload });
    if (this.entries.length > this.capacity) {
      this.entries.shift();
      this.dropped += 1;
    }
  }

  /** The messages still held (oldest first) — the newest `capacity` of them. */
  messages(): readonly OcppMessage[] {
    return this.entries;
  }

  get droppedCount(): number {
    return this.dropped;
  }
}
