// PDU types and schemas of the RTI 2.0 TPAA module. Each name is both a TS type and its schema
// (use the schema with encodeJer / decodeJer from the codec).
export * from './enums.js';
export * from './common.js';
export * from './data.js';
export * from './association.js';
export * from './discovery.js';
export * from './data-services.js';
export * from './reporting.js';
export * from './log.js';
export * from './control.js';
export * from './services.js';
export * from './helpers.js';
export type { BitString } from '../asn1/index.js';
