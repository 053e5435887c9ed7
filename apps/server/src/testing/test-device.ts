// A charge point (or CPO gateway) built directly from the protocol library for tests: an ACSI
// server holding the profile model, dialling in to /rti/<accessPoint> with a bearer token. The
// BRCB buffers live in the AcsiServer, so they survive dropping and restoring the link.
import { AcsiServer, connect, type Association, type ModelJson, type Quality, type TimeStamp, type WsChannel } from '@dso/iec61850';
import { chargePointModel, type ChargePointOptions } from '../../../../packages/iec61850/examples/charge-point-model.js';

export interface TestDeviceOptions {
  wsUrl: string;
  accessPoint: string;
  token: string;
  logicalDevices: Array<{ ld: string } & ChargePointOptions>;
  /** Changes to the built model before the device starts (e.g. a units multiplier). */
  tweak?: (model: ModelJson) => void;
}

export class TestDevice {
  readonly server: AcsiServer;
  private channel: WsChannel | undefined;
  /** The device side of the current association (to send hand-made PDUs in bad-input tests). */
  association: Association | undefined;

  constructor(private readonly opts: TestDeviceOptions) {
    const lds = opts.logicalDevices.flatMap((d) => chargePointModel(d.ld, d).logicalDevices);
    const model: ModelJson = { logicalDevices: lds };
    opts.tweak?.(model);
    this.server = new AcsiServer({ model, onControl: () => 'accept' });
  }

  /** Dials in (again); `wsUrl` overrides the server address (e.g. after a server restart). */
  async connect(wsUrl = this.opts.wsUrl): Promise<void> {
    const channel = await connect(`${wsUrl}/rti/${this.opts.accessPoint}`, { token: this.opts.token });
    this.channel = channel;
    this.association = this.server.attach(channel);
  }

  /** Drops the link (the device keeps buffering its BRCBs). */
  dropLink(): void {
    this.channel?.close(1001, 'link dropped');
    this.channel = undefined;
  }

  update(ref: string, value: number | boolean, q?: Quality, t?: TimeStamp): void {
    this.server.update(ref, value, q, t);
  }

  /** Sends a raw text frame on the link (garbage for bad-input tests). */
  sendRaw(text: string): void {
    this.channel?.send(text);
  }

  close(): void {
    this.dropLink();
    this.server.close();
  }
}
