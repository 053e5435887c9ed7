// ASN.1 JER schema runtime: combinators, codec boundary, hex helpers.
export type { AnySchema, BitString, DecodeCtx, FieldDef, Infer, Schema, SchemaDef, StringCharset } from './schema.js';
export { MAX_DEPTH, isRecord } from './schema.js';
export type { DecodeResult, JerDecodeError, JerErrorKind } from './errors.js';
export { JerEncodeError } from './errors.js';
export { bigInteger, bitString, boolean, enumerated, integer, nul, octetString, quote, real, realText, string } from './primitives.js';
export type { ChoiceType, DefaultField, OptionalField, SequenceType } from './constructed.js';
export { choice, lazy, optional, sequence, sequenceOf, withDefault } from './constructed.js';
export { decodeJer, decodeJerText, encodeJer, toDecodeError } from './jer.js';
export { parseJsonExact, parseJsonText } from './json-text.js';
export { fromHex, hex, tryFromHex } from './hex.js';
