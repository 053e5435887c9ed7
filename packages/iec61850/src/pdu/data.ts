// Data values and type descriptions (recursive types: hand-written TS types, checked against their
// schemas at compile time because Schema<T> is invariant).
import type { BitString, Infer, Schema } from '../asn1/index.js';
import { bigInteger, bitString, boolean, choice, integer, lazy, nul, octetString, optional, real, sequence, sequenceOf, string } from '../asn1/index.js';
import { CheckConditions, Identifier, Integer32, ObjectName, Quality, TimeStamp, Unsigned32, UnconstrainedInteger, VisibleString } from './common.js';
import { FC } from './enums.js';

/*
Data ::= CHOICE {
    boolean [1] BOOLEAN, int8 [2] INTEGER (-128..127), int16 [3] INTEGER (-32768..32767),
    int24 [4] INTEGER (-8388608..8388607), int32 [5] INTEGER (-2147483648..2147483647),
    int64 [6] INTEGER, int8u [7] INTEGER (0..255), int16u [9] INTEGER (0..65535),
    int24u [10] INTEGER (0..16777215), int32u [11] INTEGER (0..4294967295), float32 [12] REAL,
    octetString [13] OCTET STRING, visString64 [14] UTF8String (SIZE(0..64)),
    visString129 [15] UTF8String (SIZE(0..129)), visString255 [16] UTF8String (SIZE(0..255)),
    array [17] IMPLICIT DataSequence, structure [18] IMPLICIT DataSequence,
    bitstring [19] IMPLICIT BIT STRING, generalizedtime [21] IMPLICIT GeneralizedTime,
    binarytime [22] IMPLICIT TIME-OF-DAY, quality [23] IMPLICIT Quality,
    timeStamp [24] IMPLICIT TimeStamp, enumerated [25] INTEGER (0..255), check [26] CheckConditions }
*/
export type Data =
  | { boolean: boolean }
  | { int8: number }
  | { int16: number }
  | { int24: number }
  | { int32: number }
  | { int64: number | bigint }
  | { int8u: number }
  | { int16u: number }
  | { int24u: number }
  | { int32u: number }
  | { float32: number }
  | { octetString: Uint8Array }
  | { visString64: string }
  | { visString129: string }
  | { visString255: string }
  | { array: DataSequence }
  | { structure: DataSequence }
  | { bitstring: BitString }
  | { generalizedtime: string }
  | { binarytime: string }
  | { quality: Quality }
  | { timeStamp: TimeStamp }
  | { enumerated: number }
  | { check: CheckConditions };

/** DataSequence ::= SEQUENCE { name [0] VisibleString OPTIONAL, data [1] SEQUENCE OF Data } */
export interface DataSequence {
  name?: string;
  data: Data[];
}

export const DataSequence: Schema<DataSequence> = sequence({
  name: optional(VisibleString),
  data: sequenceOf(lazy(() => Data)),
});

const dataSequenceRef = lazy(() => DataSequence);

export const Data: Schema<Data> = choice({
  boolean: boolean(),
  int8: integer(-128, 127),
  int16: integer(-32768, 32767),
  int24: integer(-8388608, 8388607),
  int32: integer(-2147483648, 2147483647),
  int64: bigInteger(),
  int8u: integer(0, 255),
  int16u: integer(0, 65535),
  int24u: integer(0, 16777215),
  int32u: integer(0, 4294967295),
  float32: real(),
  octetString: octetString(),
  visString64: string(0, 64),
  visString129: string(0, 129),
  visString255: string(0, 255),
  array: dataSequenceRef,
  structure: dataSequenceRef,
  bitstring: bitString(),
  generalizedtime: string(0, Infinity, 'time'),
  binarytime: string(0, Infinity, 'time'),
  quality: Quality,
  timeStamp: TimeStamp,
  enumerated: integer(0, 255),
  check: CheckConditions,
});

/** DataAttributeValue ::= SEQUENCE { name [0] VisibleString OPTIONAL, data [1] Data } */
export const DataAttributeValue = sequence({ name: optional(VisibleString), data: Data });
export type DataAttributeValue = Infer<typeof DataAttributeValue>;

/*
TypeSpecification ::= CHOICE {
    boolean [1] IMPLICIT NULL, int8 [2] IMPLICIT NULL, int16 [3] IMPLICIT NULL, int24 [4] IMPLICIT NULL,
    int32 [5] IMPLICIT NULL, int64 [6] IMPLICIT NULL, int8u [7] IMPLICIT NULL, int16u [9] IMPLICIT NULL,
    int24u [10] IMPLICIT NULL, int32u [11] IMPLICIT NULL, float32 [12] IMPLICIT NULL,
    octetString [13] IMPLICIT Integer32, visString64 [14] IMPLICIT NULL,
    visString129 [15] IMPLICIT NULL, visString255 [16] IMPLICIT NULL,
    array [17] IMPLICIT SEQUENCE { numberOfElements [1] IMPLICIT Unsigned32,
                                   elementType [2] TypeSpecification },
    structure [18] IMPLICIT SEQUENCE OF StructComponent, bitstring [19] IMPLICIT Integer32,
    generalizedtime [21] IMPLICIT NULL, binarytime [22] IMPLICIT NULL, quality [23] IMPLICIT NULL,
    timeStamp [24] IMPLICIT NULL, enumerated [25] IMPLICIT NULL, check [26] IMPLICIT NULL }
*/
export type TypeSpecification =
  | { boolean: null }
  | { int8: null }
  | { int16: null }
  | { int24: null }
  | { int32: null }
  | { int64: null }
  | { int8u: null }
  | { int16u: null }
  | { int24u: null }
  | { int32u: null }
  | { float32: null }
  | { octetString: number }
  | { visString64: null }
  | { visString129: null }
  | { visString255: null }
  | { array: { numberOfElements: number; elementType: TypeSpecification } }
  | { structure: StructComponent[] }
  | { bitstring: number }
  | { generalizedtime: null }
  | { binarytime: null }
  | { quality: null }
  | { timeStamp: null }
  | { enumerated: null }
  | { check: null };

/** StructComponent ::= SEQUENCE { cmpName [0] IMPLICIT Identifier OPTIONAL, cmpType [1] TypeSpecification } */
export interface StructComponent {
  cmpName?: string;
  cmpType: TypeSpecification;
}

const typeSpecRef = lazy(() => TypeSpecification);

export const StructComponent: Schema<StructComponent> = sequence({ cmpName: optional(Identifier), cmpType: typeSpecRef });

const NULL = nul();

export const TypeSpecification: Schema<TypeSpecification> = choice({
  boolean: NULL,
  int8: NULL,
  int16: NULL,
  int24: NULL,
  int32: NULL,
  int64: NULL,
  int8u: NULL,
  int16u: NULL,
  int24u: NULL,
  int32u: NULL,
  float32: NULL,
  octetString: Integer32,
  visString64: NULL,
  visString129: NULL,
  visString255: NULL,
  array: sequence({ numberOfElements: Unsigned32, elementType: typeSpecRef }),
  structure: sequenceOf(lazy(() => StructComponent)),
  bitstring: Integer32,
  generalizedtime: NULL,
  binarytime: NULL,
  quality: NULL,
  timeStamp: NULL,
  enumerated: NULL,
  check: NULL,
});

/** DataAttributeDefinition ::= SEQUENCE { daRef [0] ObjectName, fc [1] FC, daType [2] TypeSpecification } */
export const DataAttributeDefinition = sequence({ daRef: ObjectName, fc: FC, daType: TypeSpecification });
export type DataAttributeDefinition = Infer<typeof DataAttributeDefinition>;

/*
DataObjectDefinition ::= SEQUENCE { name [0] ObjectName, cdc [1] VisibleString OPTIONAL,
    count [2] INTEGER OPTIONAL, subDataDefinition [3] SEQUENCE OF DataObjectDefinition OPTIONAL,
    dataAttributeDefinition [4] SEQUENCE OF DataAttributeDefinition OPTIONAL }
*/
export interface DataObjectDefinition {
  name: string;
  cdc?: string;
  count?: number | bigint;
  subDataDefinition?: DataObjectDefinition[];
  dataAttributeDefinition?: DataAttributeDefinition[];
}

export const DataObjectDefinition: Schema<DataObjectDefinition> = sequence({
  name: ObjectName,
  cdc: optional(VisibleString),
  count: optional(UnconstrainedInteger),
  subDataDefinition: optional(sequenceOf(lazy(() => DataObjectDefinition))),
  dataAttributeDefinition: optional(sequenceOf(DataAttributeDefinition)),
});
