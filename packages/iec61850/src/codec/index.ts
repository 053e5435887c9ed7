// The JER codec: the PDU envelope plus the generic schema-driven encoder/decoder.
export { decodePdu, encodePdu } from './pdu-codec.js';
export type { DecodeResult, JerDecodeError, JerErrorKind, Schema, Infer } from '../asn1/index.js';
export { JerEncodeError, decodeJer, decodeJerText, encodeJer, fromHex, hex, realText } from '../asn1/index.js';
