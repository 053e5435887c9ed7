// One ACSI association over one MessageChannel (PROTOCOL.md "Envelope"). The ACSI client side
// sends associateRequest as soon as the channel is open (reverse mode: the WS server; direct mode:
// the WS client); the ACSI server side answers it. Afterwards both sides may call, answer,
// send unconfirmed services, refresh the token, release and abort.
import { randomUUID } from 'node:crypto';
import type {
  AssociateRequest,
  AssociateServiceType,
  RequestServiceType,
  RequestType,
  ResponseServiceType,
  ResponseType,
  ServiceStatusKind,
  TpaaPdu,
  UnconfirmedServiceType,
  UnconfirmedType,
} from '../pdu/index.js';
import { Listeners } from '../transport/channel.js';
import type { ChannelClose, MessageChannel } from '../transport/channel.js';
import { CallQueue } from './call-queue.js';
import { PduLink } from './pdu-link.js';
import { RequestServer } from './request-server.js';
import { emptyStats, excerpt, silentLogger } from './types.js';
import type { AssociationState, AssociationStats, CallOutcome, DownReason, Logger } from './types.js';

export type AcsiRole = 'client' | 'server';

/** Serves one confirmed request on the ACSI server side; may be async. */
export type RequestHandler = (
  service: RequestServiceType,
  association: Association,
) => ResponseServiceType | Promise<ResponseServiceType>;

export interface AssociationOptions {
  role: AcsiRole;
  /** ACSI client: the access point to name in associateRequest (default: the channel's). */
  calledAP?: string;
  /** Largest frame we accept, bytes (default: the channel's limit). */
  maxMessageSize?: number;
  /** Client: own cap on calls in flight; server: what it advertises (default 10). */
  maxOutstandingCalls?: number;
  /** Calls waiting beyond the in-flight window (default 1000); beyond it calls fail `queueFull`. */
  maxQueuedCalls?: number;
  requestTimeoutMs?: number;
  associateTimeoutMs?: number;
  logger?: Logger;
  /** ACSI server: accept (undefined) or refuse an associateRequest with a ServiceStatusKind. */
  onAssociateRequest?: (request: AssociateRequest) => ServiceStatusKind | undefined;
  onRequest?: RequestHandler;
}

export interface AssociationEvents {
  up: (associateId: string) => void;
  down: (reason: DownReason) => void;
  unconfirmed: (service: UnconfirmedServiceType) => void;
  refreshToken: (token: string) => void;
}

const DEFAULTS = { maxOutstandingCalls: 10, maxQueuedCalls: 1_000, requestTimeoutMs: 10_000, associateTimeoutMs: 10_000 };

export class Association {
  readonly role: AcsiRole;
  readonly stats: AssociationStats = emptyStats();
  private readonly listeners: Listeners<AssociationEvents>;
  private readonly logger: Logger;
  private readonly calls: CallQueue;
  private readonly link: PduLink;
  private currentState: AssociationState = 'associating';
  private id = '';
  private invokeCounter = 0;
  private associateTimer: NodeJS.Timeout | undefined;
  private releaseWaiter: { invokeId: number; done: () => void; timer: NodeJS.Timeout } | undefined;
  private readonly answering: RequestServer;
  private handler: RequestHandler | undefined;

  constructor(
    readonly channel: MessageChannel,
    private readonly options: AssociationOptions,
  ) {
    this.role = options.role;
    this.logger = options.logger ?? silentLogger;
    this.listeners = new Listeners((error) => this.logger.warn('event handler threw', { error: String(error) }));
    this.handler = options.onRequest;
    this.link = new PduLink(channel, this.stats, this.logger, options.maxMessageSize ?? channel.maxFrameSize);
    this.calls = new CallQueue({
      maxQueued: options.maxQueuedCalls ?? DEFAULTS.maxQueuedCalls,
      nextInvokeId: () => this.nextInvokeId(),
      transmit: (invokeId, service) => this.transmitRequest(invokeId, service),
      onTimeout: (invokeId) => {
        this.stats.timeouts += 1;
        this.logger.info('request timed out', { channel: channel.label, invokeId });
      },
    });
    this.answering = new RequestServer({
      window: options.maxOutstandingCalls ?? DEFAULTS.maxOutstandingCalls,
      limitMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
      label: channel.label,
      logger: this.logger,
      stats: this.stats,
    });
    channel.on('frame', (text, size) => this.onFrame(text, size));
    channel.on('close', (info) => this.onChannelClose(info));
    this.associateTimer = setTimeout(
      () => this.goDown({ cause: 'associateTimeout' }, 1002),
      options.associateTimeoutMs ?? DEFAULTS.associateTimeoutMs,
    );
    if (!channel.isOpen) queueMicrotask(() => this.goDown({ cause: 'closedByPeer' }));
    else if (this.role === 'client') this.sendAssociateRequest();
  }

  get state(): AssociationState {
    return this.currentState;
  }

  get associateId(): string {
    return this.id;
  }

  get inFlight(): number {
    return this.calls.inFlightCount;
  }

  get queued(): number {
    return this.calls.queuedCount;
  }

  on<K extends keyof AssociationEvents>(event: K, handler: AssociationEvents[K]): void {
    this.listeners.on(event, handler);
  }

  off<K extends keyof AssociationEvents>(event: K, handler: AssociationEvents[K]): void {
    this.listeners.off(event, handler);
  }

  setRequestHandler(handler: RequestHandler): void {
    this.handler = handler;
  }

  /** A confirmed service; resolves with the response or a failure reason, never rejects. */
  async call(service: RequestServiceType, options: { timeoutMs?: number } = {}): Promise<CallOutcome> {
    if (this.currentState === 'down' || this.currentState === 'closing') return { ok: false, reason: 'down' };
    const result = this.calls.enqueue(service, options.timeoutMs ?? this.options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs);
    if (typeof result === 'string') {
      if (result === 'queueFull') this.stats.queueFull += 1;
      return { ok: false, reason: result };
    }
    return result;
  }

  /** Sends an unconfirmed service (report, cmdTerm); false if not up or too large. */
  sendUnconfirmed(service: UnconfirmedServiceType): boolean {
    if (this.currentState !== 'up') return false;
    const body: UnconfirmedType = { associateId: this.id, service };
    const sent = this.sendPdu({ unconfirmed: body });
    if (sent) this.stats.unconfirmedSent += 1;
    return sent;
  }

  /** Sends a new bearer token to the peer (refreshToken). */
  refreshToken(token: string): boolean {
    if (this.currentState !== 'up') return false;
    return this.sendAssociate({ refreshToken: { associateId: this.id, token } });
  }

  /** Orderly release: releaseRequest → releaseResponse (or timeout) → close. Resolves once down. */
  release(timeoutMs = 2_000): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.currentState === 'down') return resolve();
      this.on('down', () => resolve());
      if (this.currentState !== 'up') return this.goDown({ cause: 'released' }, 1000);
      const invokeId = this.nextInvokeId();
      this.currentState = 'closing';
      const done = (): void => this.goDown({ cause: 'released' }, 1000);
      this.releaseWaiter = { invokeId, done, timer: setTimeout(done, timeoutMs) };
      this.sendAssociate({ releaseRequest: { invokeId, associateId: this.id } });
    });
  }

  /** Abort: abortRequest to the peer, then close at once. */
  abort(detail = 'aborted by user'): void {
    if (this.currentState === 'down') return;
    if (this.currentState === 'up' || this.currentState === 'closing') {
      this.sendAssociate({ abortRequest: { invokeId: this.nextInvokeId(), associateId: this.id } });
    }
    this.goDown({ cause: 'aborted', detail }, 1000);
  }

  // ---- inbound --------------------------------------------------------------------------------

  private onFrame(text: string, size: number): void {
    if (this.currentState === 'down') return;
    const frame = this.link.receive(text, size);
    if (!frame.ok && frame.problem === 'oversize') {
      return this.protocolError(`frame of ${frame.size} bytes > maxMessageSize ${this.link.maxOwnMessageSize}`, 1009);
    }
    if (!frame.ok) {
      const { invokeId, associateId, path, message } = frame.error;
      const foreign = associateId !== undefined && associateId !== this.id;
      if (invokeId !== undefined && this.currentState === 'up' && !foreign) {
        return this.sendResponse(invokeId, { serviceError: 'parameterValueInappropriate' });
      }
      return this.protocolError(`undecodable frame at ${path}: ${message}`);
    }
    try {
      this.dispatch(frame.pdu);
    } catch (error) {
      this.logger.warn('frame handling failed', { channel: this.channel.label, error: String(error) });
      this.protocolError('internal error while handling a frame');
    }
  }

  private dispatch(pdu: TpaaPdu): void {
    if ('associate' in pdu) return this.onAssociate(pdu.associate.service);
    if (this.currentState !== 'up' && this.currentState !== 'closing') {
      return this.protocolError('service before association');
    }
    if ('request' in pdu) return this.onRequest(pdu.request);
    if ('response' in pdu) return this.onResponse(pdu.response);
    return this.onUnconfirmed(pdu.unconfirmed);
  }

  private onAssociate(service: AssociateServiceType): void {
    if ('associateRequest' in service) return this.onAssociateRequest(service.associateRequest);
    if ('associateResponse' in service) {
      const response = service.associateResponse;
      if (this.role !== 'client' || this.currentState !== 'associating') return this.protocolError('unexpected associateResponse');
      if (response.serviceError !== undefined && response.serviceError !== 'noError') {
        return this.goDown({ cause: 'refused', detail: response.serviceError }, 1000);
      }
      if (response.maxMessageSize > 0) this.link.peerMaxMessageSize = response.maxMessageSize;
      const own = this.options.maxOutstandingCalls ?? DEFAULTS.maxOutstandingCalls;
      const peer = response.maxOutstandingCalls ?? 0;
      return this.becomeUp(response.associateId, peer > 0 ? Math.min(own, peer) : own);
    }
    if (!this.checkAssociateId(this.peekId(service))) return;
    if ('releaseRequest' in service) {
      this.sendAssociate({ releaseResponse: { invokeId: service.releaseRequest.invokeId, associateId: this.id } });
      return this.goDown({ cause: 'releasedByPeer' }, 1000);
    }
    if ('releaseResponse' in service) {
      if (this.releaseWaiter && this.releaseWaiter.invokeId === service.releaseResponse.invokeId) this.releaseWaiter.done();
      return;
    }
    if ('abortRequest' in service) {
      this.sendAssociate({ abortResponse: { invokeId: service.abortRequest.invokeId, associateId: this.id } });
      return this.goDown({ cause: 'abortedByPeer' }, 1000);
    }
    if ('refreshToken' in service) {
      this.listeners.emit('refreshToken', service.refreshToken.token);
    }
    // abortResponse: nothing left to do (we are already closing)
  }

  private peekId(service: AssociateServiceType): string {
    const body = Object.values(service)[0] as { associateId?: string } | undefined;
    return body?.associateId ?? this.id;
  }

  private onAssociateRequest(request: AssociateRequest): void {
    if (this.role !== 'server' || this.currentState !== 'associating') return this.protocolError('unexpected associateRequest');
    const refusal = this.options.onAssociateRequest?.(request);
    const associateId = randomUUID();
    if (refusal !== undefined && refusal !== 'noError') {
      this.sendAssociate({
        associateResponse: { maxMessageSize: this.link.maxOwnMessageSize, associateId: '', serviceError: refusal },
      });
      return this.goDown({ cause: 'refused', detail: refusal }, 1000);
    }
    if (request.maxMessageSize > 0) this.link.peerMaxMessageSize = request.maxMessageSize;
    const window = this.options.maxOutstandingCalls ?? DEFAULTS.maxOutstandingCalls;
    this.id = associateId;
    this.sendAssociate({
      associateResponse: { maxMessageSize: this.link.maxOwnMessageSize, associateId, maxOutstandingCalls: window },
    });
    this.becomeUp(associateId, window);
  }

  private onRequest(request: RequestType): void {
    if (!this.checkAssociateId(request.associateId)) return;
    this.stats.requestsReceived += 1;
    if (this.currentState !== 'up') return;
    const handler = this.handler;
    if (!handler) return this.sendResponse(request.invokeId, { serviceError: 'classNotSupported' });
    void this.answering
      .serve((service) => handler(service, this), request.service)
      .then((service) => this.sendResponse(request.invokeId, service))
      .catch((error: unknown) => this.logger.warn('sending a response failed', { error: String(error) }));
  }

  private onResponse(response: ResponseType): void {
    if (!this.checkAssociateId(response.associateId)) return;
    this.stats.responsesReceived += 1;
    const result = this.calls.settle(response.invokeId, response.service);
    if (result === 'late') {
      this.stats.lateResponses += 1;
      this.logger.debug('late response dropped', { channel: this.channel.label, invokeId: response.invokeId });
    } else if (result === 'unknown') {
      this.protocolError(`response with unknown invokeId ${response.invokeId}`);
    }
  }

  private onUnconfirmed(unconfirmed: UnconfirmedType): void {
    if (!this.checkAssociateId(unconfirmed.associateId)) return;
    this.stats.unconfirmedReceived += 1;
    this.listeners.emit('unconfirmed', unconfirmed.service);
  }

  private checkAssociateId(associateId: string): boolean {
    if (associateId === this.id) return true;
    this.protocolError(`wrong associateId "${excerpt(associateId, 40)}"`);
    return false;
  }

  // ---- outbound -------------------------------------------------------------------------------

  private nextInvokeId(): number {
    this.invokeCounter = this.invokeCounter >= 0x7fffffff ? 1 : this.invokeCounter + 1;
    return this.invokeCounter;
  }

  private sendAssociateRequest(): void {
    const calledAP = this.options.calledAP ?? this.channel.accessPoint;
    const request: AssociateRequest = { maxMessageSize: this.link.maxOwnMessageSize };
    if (calledAP !== undefined) request.calledAP = calledAP;
    this.sendAssociate({ associateRequest: request });
  }

  private transmitRequest(invokeId: number, service: RequestServiceType): boolean {
    const sent = this.sendPdu({ request: { associateId: this.id, invokeId, service } });
    if (sent) this.stats.requestsSent += 1;
    return sent;
  }

  private sendResponse(invokeId: number, service: ResponseServiceType): void {
    if (this.currentState !== 'up') return;
    const ok = this.sendPdu({ response: { associateId: this.id, invokeId, service } });
    if (!ok) {
      this.sendPdu({ response: { associateId: this.id, invokeId, service: { serviceError: 'failedDueToCommunicationsConstraint' } } });
    }
  }

  private sendAssociate(service: AssociateServiceType): boolean {
    return this.sendPdu({ associate: { service } });
  }

  private sendPdu(pdu: TpaaPdu): boolean {
    return this.link.send(pdu);
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  private becomeUp(associateId: string, window: number): void {
    clearTimeout(this.associateTimer);
    this.associateTimer = undefined;
    this.id = associateId;
    this.currentState = 'up';
    this.calls.open(window);
    this.logger.info('association up', { channel: this.channel.label, associateId });
    this.listeners.emit('up', associateId);
  }

  private protocolError(detail: string, code = 1002): void {
    this.stats.protocolErrors += 1;
    this.logger.warn('protocol error, aborting', { channel: this.channel.label, detail });
    if (this.currentState === 'up') {
      this.sendAssociate({ abortRequest: { invokeId: this.nextInvokeId(), associateId: this.id } });
    }
    this.goDown({ cause: 'protocolError', detail }, code);
  }

  private onChannelClose(info: ChannelClose): void {
    if (info.cause === 'frameTooLarge') this.stats.oversizeFrames += 1;
    this.goDown({ cause: info.cause, detail: `${info.code} ${info.reason}`.trim() });
  }

  private goDown(reason: DownReason, closeCode?: number): void {
    if (this.currentState === 'down') return;
    this.currentState = 'down';
    clearTimeout(this.associateTimer);
    if (this.releaseWaiter) clearTimeout(this.releaseWaiter.timer);
    this.releaseWaiter = undefined;
    this.calls.failAll('down');
    this.answering.close();
    if (closeCode !== undefined) this.channel.close(closeCode, reason.cause);
    this.logger.info('association down', { channel: this.channel.label, ...reason });
    this.listeners.emit('down', reason);
    this.listeners.clear();
  }
}
