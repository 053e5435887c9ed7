// @dso/iec61850: IEC 61850 ACSI over WebSocket (RTI 2.0 TPAA, JER): PDU types, codec, transport,
// association, ACSI client and ACSI server.
export * from './pdu/index.js';
export * from './codec/index.js';
export * from './transport/index.js';
export * from './association/index.js';
export * from './client/index.js';
export * from './server/index.js';
