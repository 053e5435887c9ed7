export { Listeners } from './channel.js';
export type { ChannelClose, ChannelCloseCause, ChannelEvents, MessageChannel } from './channel.js';
export {
  BER_SUBPROTOCOL,
  ConnectError,
  DEFAULT_KEEP_ALIVE,
  DEFAULT_MAX_MESSAGE_SIZE,
  JER_SUBPROTOCOL,
  WsChannel,
  attachRtiEndpoint,
  bearerToken,
  connect,
  createRtiEndpoint,
  rejectUpgrade,
} from './websocket.js';
export type { AuthDecision, ConnectOptions, KeepAliveOptions, RtiEndpoint, RtiEndpointOptions } from './websocket.js';
