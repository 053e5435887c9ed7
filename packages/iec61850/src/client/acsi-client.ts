// The ACSI client: discovery, data access, report control blocks, a typed report stream and the
// control services, over one client-side association (reverse or direct mode alike).
import { Association } from '../association/association.js';
import type { AssociationOptions } from '../association/association.js';
import { silentLogger } from '../association/types.js';
import type { Logger } from '../association/types.js';
import type {
  ACSIClassKind,
  Data,
  DataAttributeValue,
  FC,
  FcdFcdaType,
  GetBRCBValuesResponse,
  GetDataDefinitionResponse,
  GetURCBValuesResponse,
  RequestServiceType,
  SetBRCBValuesRequest,
  SetURCBValuesRequest,
  UnconfirmedServiceType,
} from '../pdu/index.js';
import type { MessageChannel } from '../transport/channel.js';
import { ControlClient, TerminationWaiters } from './control.js';
import type { ControlOptions, ControlResult } from './control.js';
import { ReportStream } from './report-stream.js';
import type { ClientReport } from './report-stream.js';
import { expectResponse, mapResult } from './results.js';
import type { AcsiResult } from './results.js';

export interface AcsiClientStats {
  unexpectedCmdTerm: number;
}

const MAX_PAGES = 1_000;

export class AcsiClient {
  readonly association: Association;
  readonly reportStream = new ReportStream();
  readonly controls: ControlClient;
  readonly stats: AcsiClientStats = { unexpectedCmdTerm: 0 };
  private readonly terminations = new TerminationWaiters();
  private readonly rptIds = new Map<string, string>();
  private readonly logger: Logger;

  constructor(association: Association, logger?: Logger) {
    this.association = association;
    this.logger = logger ?? silentLogger;
    this.controls = new ControlClient(association, this.terminations);
    association.on('unconfirmed', (service) => this.onUnconfirmed(service));
    association.on('down', () => {
      this.terminations.cancelAll();
      this.reportStream.clear();
    });
  }

  /** Client-side association on a channel (sends associateRequest at once). */
  static attach(channel: MessageChannel, options: Omit<AssociationOptions, 'role' | 'onRequest'> = {}): AcsiClient {
    return new AcsiClient(new Association(channel, { ...options, role: 'client' }), options.logger);
  }

  /** Resolves once associated; false if the association went down first. */
  ready(): Promise<boolean> {
    if (this.association.state === 'up') return Promise.resolve(true);
    if (this.association.state === 'down') return Promise.resolve(false);
    return new Promise((resolve) => {
      this.association.on('up', () => resolve(true));
      this.association.on('down', () => resolve(false));
    });
  }

  onReport(handler: (report: ClientReport) => void): () => void {
    return this.reportStream.on(handler);
  }

  release(): Promise<void> {
    return this.association.release();
  }

  private onUnconfirmed(service: UnconfirmedServiceType): void {
    if ('report' in service) {
      const report = service.report;
      const delivered = this.reportStream.receive(report, (error) => this.logger.warn('report handler threw', { error: String(error) }));
      if (!delivered) this.logger.info('report dropped (RCB not enabled here, or a duplicate sqNum)', { rptID: report.rptID, sqNum: report.sqNum });
      return;
    }
    if (!this.terminations.deliver(service.cmdTerm)) {
      this.stats.unexpectedCmdTerm += 1;
      this.logger.info('CommandTermination nobody waited for', { ref: service.cmdTerm.ref, ctlNum: service.cmdTerm.ctlNum });
    }
  }

  private call(service: RequestServiceType, timeoutMs?: number) {
    return this.association.call(service, timeoutMs === undefined ? {} : { timeoutMs });
  }

  // ---- discovery ------------------------------------------------------------------------------

  async getServerDirectory(): Promise<AcsiResult<string[]>> {
    const names: string[] = [];
    let continueAfter: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const req = continueAfter === undefined ? { objectClass: 'logicalDevice' as const } : { objectClass: 'logicalDevice' as const, continueAfter };
      const r = expectResponse(await this.call({ getServerDirectory: req }), 'getServerDirectory');
      if (!r.ok) return r;
      names.push(...r.value.result);
      continueAfter = r.value.result[r.value.result.length - 1];
      if (r.value.moreFollows !== true || continueAfter === undefined) break;
    }
    return { ok: true, value: names };
  }

  /** LN names of an LD; accepts bare names (`LLN0`) or full refs (`CP0001/LLN0`) from the server. */
  async getLogicalDeviceDirectory(ldName: string): Promise<AcsiResult<string[]>> {
    const names: string[] = [];
    let continueAfter: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const req = continueAfter === undefined ? { ldName } : { ldName, continueAfter };
      const r = expectResponse(await this.call({ getLogicalDeviceDirectory: req }), 'getLogicalDeviceDirectory');
      if (!r.ok) return r;
      names.push(...r.value.lnRef.map((ref) => (ref.includes('/') ? ref.slice(ref.indexOf('/') + 1) : ref)));
      continueAfter = r.value.lnRef[r.value.lnRef.length - 1];
      if (r.value.moreFollows !== true || continueAfter === undefined) break;
    }
    return { ok: true, value: names };
  }

  async getLogicalNodeDirectory(lnRef: string, aCSIClass: ACSIClassKind): Promise<AcsiResult<string[]>> {
    const names: string[] = [];
    let continueAfter: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const req = continueAfter === undefined ? { lnRef, aCSIClass } : { lnRef, aCSIClass, continueAfter };
      const r = expectResponse(await this.call({ getLogicalNodeDirectory: req }), 'getLogicalNodeDirectory');
      if (!r.ok) return r;
      names.push(...r.value.instanceNames);
      continueAfter = r.value.instanceNames[r.value.instanceNames.length - 1];
      if (r.value.moreFollows !== true || continueAfter === undefined) break;
    }
    return { ok: true, value: names };
  }

  async getDataSetDirectory(dsRef: string): Promise<AcsiResult<FcdFcdaType[]>> {
    return mapResult(expectResponse(await this.call({ getDataSetDirectory: { dsRef } }), 'getDataSetDirectory'), (r) => r.dsMemberRef);
  }

  async getDataDefinition(dataRef: string): Promise<AcsiResult<GetDataDefinitionResponse>> {
    return expectResponse(await this.call({ getDataDefinition: { dataRef } }), 'getDataDefinition');
  }

  // ---- data -----------------------------------------------------------------------------------

  async getDataValues(ref: string, fc: FC, options: { includeElementName?: boolean; timeoutMs?: number } = {}): Promise<AcsiResult<DataAttributeValue[]>> {
    const request = { ref: { ref, fc }, includeElementName: options.includeElementName ?? false };
    return mapResult(expectResponse(await this.call({ getDataValues: request }, options.timeoutMs), 'getDataValues'), (r) => r.dataAttrVal);
  }

  /** Reads a single value (first element), e.g. `getValue('CP0001/MMXU1.TotW.mag.f', 'mx')`. */
  async getValue(ref: string, fc: FC): Promise<AcsiResult<Data | undefined>> {
    return mapResult(await this.getDataValues(ref, fc), (values) => values[0]?.data);
  }

  async setDataValues(ref: string, fc: FC, values: Data | DataAttributeValue[]): Promise<AcsiResult<void>> {
    const dataAttrVal = Array.isArray(values) ? values : [{ data: values }];
    return mapResult(expectResponse(await this.call({ setDataValues: { ref: { ref, fc }, dataAttrVal } }), 'setDataValues'), () => undefined);
  }

  async getDatasetValues(dsRef: string): Promise<AcsiResult<DataAttributeValue[]>> {
    return mapResult(expectResponse(await this.call({ getDatasetValues: { dsRef } }), 'getDatasetValues'), (r) => r.dsMemberValue);
  }

  // ---- report control blocks ------------------------------------------------------------------

  async getURCBValues(urcbRef: string): Promise<AcsiResult<GetURCBValuesResponse>> {
    const r = expectResponse(await this.call({ getURCBValues: { urcbRef } }), 'getURCBValues');
    if (r.ok) this.rptIds.set(urcbRef, r.value.rptID);
    return r;
  }

  async getBRCBValues(brcbRef: string): Promise<AcsiResult<GetBRCBValuesResponse>> {
    const r = expectResponse(await this.call({ getBRCBValues: { brcbRef } }), 'getBRCBValues');
    if (r.ok) this.rptIds.set(brcbRef, r.value.rptID);
    return r;
  }

  async setURCBValues(request: SetURCBValuesRequest): Promise<AcsiResult<void>> {
    return this.setRcb(request.urcbRef, request.rptEna, request.rptID, false, async () =>
      expectResponse(await this.call({ setURCBValues: request }), 'setURCBValues'),
    );
  }

  async setBRCBValues(request: SetBRCBValuesRequest): Promise<AcsiResult<void>> {
    return this.setRcb(request.brcbRef, request.rptEna, request.rptID, true, async () =>
      expectResponse(await this.call({ setBRCBValues: request }), 'setBRCBValues'),
    );
  }

  /** Registers the rptID before an enabling write (reports may follow the response at once). */
  private async setRcb(
    rcbRef: string,
    rptEna: boolean | undefined,
    rptID: string | undefined,
    buffered: boolean,
    send: () => Promise<AcsiResult<unknown>>,
  ): Promise<AcsiResult<void>> {
    if (rptEna === true) {
      let id = rptID !== undefined && rptID !== '' ? rptID : this.rptIds.get(rcbRef);
      if (id === undefined) {
        const current = buffered ? await this.getBRCBValues(rcbRef) : await this.getURCBValues(rcbRef);
        if (!current.ok) return current;
        id = current.value.rptID;
      }
      // an empty RptID means the reports carry the RCB reference (IEC 61850-7-2 §17.2.2.3)
      if (id === '') id = rcbRef;
      this.rptIds.set(rcbRef, id);
      this.reportStream.expect(id, rcbRef);
    }
    const result = await send();
    if (!result.ok && rptEna === true) this.reportStream.forget(rcbRef);
    if (result.ok && rptEna === false) this.reportStream.forget(rcbRef);
    return mapResult(result, () => undefined);
  }

  // ---- control --------------------------------------------------------------------------------

  operate(ref: string, ctlVal: Data, options?: ControlOptions & { awaitTermination?: boolean }): Promise<ControlResult> {
    return this.controls.operate(ref, ctlVal, options);
  }

  select(ref: string, options?: ControlOptions): Promise<ControlResult> {
    return this.controls.select(ref, options);
  }

  selectWithValue(ref: string, ctlVal: Data, options?: ControlOptions): Promise<ControlResult> {
    return this.controls.selectWithValue(ref, ctlVal, options);
  }

  /** sbo-with-enhanced-security in one call: SelectWithValue → Operate → CommandTermination. */
  selectOperate(ref: string, ctlVal: Data, options?: ControlOptions): Promise<ControlResult> {
    return this.controls.selectOperate(ref, ctlVal, options);
  }

  cancel(ref: string, ctlVal: Data, options?: ControlOptions): Promise<ControlResult> {
    return this.controls.cancel(ref, ctlVal, options);
  }
}
