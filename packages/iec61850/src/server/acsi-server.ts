// The ACSI server: an IED model, its report and control engines, and one server-side association
// per channel. In reverse mode the device dials the DSO and then calls `attach(channel)`.
import { Association } from '../association/association.js';
import type { AssociationOptions } from '../association/association.js';
import type { Logger } from '../association/types.js';
import type { Data, Quality, RequestServiceType, ResponseServiceType, TimeStamp } from '../pdu/index.js';
import type { MessageChannel } from '../transport/channel.js';
import { ControlEngine } from './control/control-engine.js';
import type { ControlHook, ControlSink } from './control/control-engine.js';
import { findInDo, ModelError } from './model/build.js';
import { IedModel } from './model/ied-model.js';
import type { ModelJson } from './model/model-json.js';
import { toData } from './model/values.js';
import { RcbServices } from './reports/rcb-services.js';
import type { ReportSink } from './reports/rcb-state.js';
import { ReportEngine } from './reports/report-engine.js';
import * as discovery from './services/discovery.js';
import * as data from './services/data.js';

export interface AcsiServerOptions {
  model: ModelJson | IedModel;
  /** The device's decision on each control (accept, or refuse with an AddCause). */
  onControl?: ControlHook;
  /** Optional early check at SelectWithValue (SBO enhanced); a refusal makes the select negative. */
  onSelect?: ControlHook;
  /** getLogicalDeviceDirectory style (default 'bare', like the reference implementation). */
  lnRefStyle?: 'bare' | 'full';
  logger?: Logger;
  /** Device clock for time stamps (t, timeOfEntry), ms since the epoch; default Date.now. */
  now?: () => number;
  /** Defaults for every association this server attaches. */
  association?: Omit<AssociationOptions, 'role' | 'onRequest'>;
}

type Sink = ReportSink & ControlSink;

export class AcsiServer {
  readonly model: IedModel;
  readonly reports: ReportEngine;
  readonly controls: ControlEngine;
  private readonly rcbServices: RcbServices;
  private readonly sinks = new Map<Association, Sink>();
  /** Reports that could not be sent although the association was up (larger than the peer accepts). */
  readonly stats = { reportsDropped: 0 };
  private sinkCounter = 0;

  constructor(private readonly options: AcsiServerOptions) {
    this.model = options.model instanceof IedModel ? options.model : new IedModel(options.model);
    if (options.now) this.model.now = options.now;
    this.reports = new ReportEngine(this.model);
    this.controls = new ControlEngine(this.model, options.onControl, options.onSelect);
    this.rcbServices = new RcbServices(this.model, this.reports);
  }

  get associations(): Association[] {
    return [...this.sinks.keys()];
  }

  /** Serves ACSI on a channel (one association). */
  attach(channel: MessageChannel, overrides: Omit<AssociationOptions, 'role' | 'onRequest'> = {}): Association {
    const opts: AssociationOptions = { ...this.options.association, ...overrides, role: 'server' };
    if (this.options.logger && !opts.logger) opts.logger = this.options.logger;
    const association = new Association(channel, opts);
    this.sinkCounter += 1;
    const sink: Sink = {
      id: `sink-${this.sinkCounter}`,
      sendReport: (report) => {
        if (association.state !== 'up') return false;
        // an entry that can never be sent must not block the BRCB buffer: count it and move on
        if (!association.sendUnconfirmed({ report })) this.stats.reportsDropped += 1;
        return true;
      },
      sendCmdTerm: (cmdTerm) => association.sendUnconfirmed({ cmdTerm }),
    };
    this.sinks.set(association, sink);
    association.setRequestHandler((service) => this.handle(service, sink));
    association.on('down', () => {
      this.sinks.delete(association);
      this.reports.detach(sink);
      this.controls.detach(sink.id);
    });
    return association;
  }

  /**
   * Device-side value update (drives reports): `ref` names a data object (its primary value:
   * stVal, mag.f, mxVal.f, actVal...) or a leaf attribute. Throws ModelError on a bad ref or value.
   */
  update(ref: string, value: Data | number | boolean | string | bigint, q?: Quality, t?: TimeStamp): void {
    const node = this.model.find(ref);
    let leaf = node && 'kind' in node && node.kind === 'leaf' ? node : undefined;
    if (node && 'kind' in node && node.kind === 'do' && node.primary !== undefined) {
      const primary = findInDo(node, node.primary);
      if (primary?.kind === 'leaf') leaf = primary;
    }
    if (!leaf) throw new ModelError(ref, 'no such value attribute');
    const dataValue = toData(leaf.type, value);
    if (!dataValue) throw new ModelError(ref, `value does not fit ${leaf.type}`);
    this.model.updateLeaf(leaf, dataValue, q, t);
  }

  /** Current value of a leaf attribute (device side). */
  valueOf(ref: string): Data | undefined {
    const node = this.model.find(ref);
    return node && 'kind' in node && node.kind === 'leaf' ? node.value : undefined;
  }

  close(): void {
    for (const association of this.sinks.keys()) association.abort('server closing');
    this.reports.close();
    this.controls.close();
  }

  private async handle(service: RequestServiceType, sink: Sink): Promise<ResponseServiceType> {
    const m = this.model;
    if ('getServerDirectory' in service) return discovery.getServerDirectory(m, service.getServerDirectory);
    if ('getLogicalDeviceDirectory' in service) {
      return discovery.getLogicalDeviceDirectory(m, service.getLogicalDeviceDirectory, { lnRefStyle: this.options.lnRefStyle ?? 'bare' });
    }
    if ('getLogicalNodeDirectory' in service) return discovery.getLogicalNodeDirectory(m, service.getLogicalNodeDirectory);
    if ('getDataSetDirectory' in service) return discovery.getDataSetDirectory(m, service.getDataSetDirectory);
    if ('getDataDirectory' in service) return discovery.getDataDirectory(m, service.getDataDirectory);
    if ('getDataDefinition' in service) return discovery.getDataDefinition(m, service.getDataDefinition);
    if ('getDataValues' in service) return data.getDataValues(m, service.getDataValues);
    if ('setDataValues' in service) return data.setDataValues(m, service.setDataValues);
    if ('getDatasetValues' in service) return data.getDatasetValues(m, service.getDatasetValues);
    return this.handleRcbOrControl(service, sink);
  }

  private async handleRcbOrControl(service: RequestServiceType, sink: Sink): Promise<ResponseServiceType> {
    if ('getBRCBValues' in service) {
      const r = this.rcbServices.getBrcb(service.getBRCBValues.brcbRef);
      return typeof r === 'string' ? { serviceError: r } : { getBRCBValues: r };
    }
    if ('getURCBValues' in service) {
      const r = this.rcbServices.getUrcb(service.getURCBValues.urcbRef);
      return typeof r === 'string' ? { serviceError: r } : { getURCBValues: r };
    }
    if ('setBRCBValues' in service) {
      const error = this.rcbServices.setBrcb(service.setBRCBValues, sink);
      return error ? { serviceError: error } : { setBRCBValues: { result: 'ok' } };
    }
    if ('setURCBValues' in service) {
      const error = this.rcbServices.setUrcb(service.setURCBValues, sink);
      return error ? { serviceError: error } : { setURCBValues: { result: 'ok' } };
    }
    if ('select' in service) return { select: this.controls.select(service.select, sink) };
    if ('selectWithValue' in service) return { selectWithValue: await this.controls.selectWithValue(service.selectWithValue, sink) };
    if ('cancel' in service) return { cancel: this.controls.cancel(service.cancel, sink) };
    if ('operate' in service) return { operate: await this.controls.operate(service.operate, sink) };
    return { serviceError: 'classNotSupported' };
  }
}
