// Discovery services: server, logical device, logical node, data directory and definitions.
import type { Infer } from '../asn1/index.js';
import { boolean, optional, sequence, sequenceOf } from '../asn1/index.js';
import { FcdFcdaType, ObjectName, ObjectReference, UnconstrainedInteger, VisString255, VisibleString } from './common.js';
import { DataAttributeDefinition, DataAttributeValue, DataObjectDefinition } from './data.js';
import { ACSIClassKind, FC, ObjectClass } from './enums.js';

/** GetServerDirectoryRequest ::= SEQUENCE { objectClass [0] ObjectClass, continueAfter [1] ObjectName OPTIONAL } */
export const GetServerDirectoryRequest = sequence({ objectClass: ObjectClass, continueAfter: optional(ObjectName) });
export type GetServerDirectoryRequest = Infer<typeof GetServerDirectoryRequest>;

/** GetServerDirectoryResponse ::= SEQUENCE { result [0] SEQUENCE OF VisString255, moreFollows [1] BOOLEAN OPTIONAL } */
export const GetServerDirectoryResponse = sequence({ result: sequenceOf(VisString255), moreFollows: optional(boolean()) });
export type GetServerDirectoryResponse = Infer<typeof GetServerDirectoryResponse>;

/** GetLogicalDeviceDirectoryRequest ::= SEQUENCE { ldName [0] ObjectName, continueAfter [1] ObjectReference OPTIONAL } */
export const GetLogicalDeviceDirectoryRequest = sequence({ ldName: ObjectName, continueAfter: optional(ObjectReference) });
export type GetLogicalDeviceDirectoryRequest = Infer<typeof GetLogicalDeviceDirectoryRequest>;

/** GetLogicalDeviceDirectoryResponse ::= SEQUENCE { lnRef [0] SEQUENCE OF ObjectReference, moreFollows [1] BOOLEAN OPTIONAL } */
export const GetLogicalDeviceDirectoryResponse = sequence({ lnRef: sequenceOf(ObjectReference), moreFollows: optional(boolean()) });
export type GetLogicalDeviceDirectoryResponse = Infer<typeof GetLogicalDeviceDirectoryResponse>;

/*
GetLogicalNodeDirectoryRequest ::= SEQUENCE { lnRef [0] ObjectReference, aCSIClass [1] ACSIClassKind,
    continueAfter [2] ObjectName OPTIONAL }
*/
export const GetLogicalNodeDirectoryRequest = sequence({ lnRef: ObjectReference, aCSIClass: ACSIClassKind, continueAfter: optional(ObjectName) });
export type GetLogicalNodeDirectoryRequest = Infer<typeof GetLogicalNodeDirectoryRequest>;

/** GetLogicalNodeDirectoryResponse ::= SEQUENCE { instanceNames [0] SEQUENCE OF ObjectName, moreFollows [1] BOOLEAN OPTIONAL } */
export const GetLogicalNodeDirectoryResponse = sequence({ instanceNames: sequenceOf(ObjectName), moreFollows: optional(boolean()) });
export type GetLogicalNodeDirectoryResponse = Infer<typeof GetLogicalNodeDirectoryResponse>;

/*
GetAllDataValuesRequest ::= SEQUENCE { lnRef [0] ObjectReference, fc [1] FC OPTIONAL,
    continueAfter [2] ObjectReference OPTIONAL }
*/
export const GetAllDataValuesRequest = sequence({ lnRef: ObjectReference, fc: optional(FC), continueAfter: optional(ObjectReference) });
export type GetAllDataValuesRequest = Infer<typeof GetAllDataValuesRequest>;

/*
GetAllDataValuesResponse ::= SEQUENCE { dataAttrRef [0] SEQUENCE OF ObjectReference,
    dataAttrVal [1] SEQUENCE OF DataAttributeValue, moreFollows [2] BOOLEAN OPTIONAL }
*/
export const GetAllDataValuesResponse = sequence({
  dataAttrRef: sequenceOf(ObjectReference),
  dataAttrVal: sequenceOf(DataAttributeValue),
  moreFollows: optional(boolean()),
});
export type GetAllDataValuesResponse = Infer<typeof GetAllDataValuesResponse>;

/** GetDataDirectoryRequest ::= SEQUENCE { dataRef [0] ObjectReference, continueAfter [1] ObjectReference OPTIONAL } */
export const GetDataDirectoryRequest = sequence({ dataRef: ObjectReference, continueAfter: optional(ObjectReference) });
export type GetDataDirectoryRequest = Infer<typeof GetDataDirectoryRequest>;

/*
GetDataDirectoryResponse ::= SEQUENCE { subDataObjectName [0] SEQUENCE OF ObjectName OPTIONAL,
    dataAttrName [1] SEQUENCE OF ObjectName OPTIONAL, moreFollows [2] BOOLEAN OPTIONAL }
*/
export const GetDataDirectoryResponse = sequence({
  subDataObjectName: optional(sequenceOf(ObjectName)),
  dataAttrName: optional(sequenceOf(ObjectName)),
  moreFollows: optional(boolean()),
});
export type GetDataDirectoryResponse = Infer<typeof GetDataDirectoryResponse>;

/** GetDataDefinitionRequest ::= SEQUENCE { dataRef [0] ObjectReference, continueAfter [1] ObjectReference OPTIONAL } */
export const GetDataDefinitionRequest = sequence({ dataRef: ObjectReference, continueAfter: optional(ObjectReference) });
export type GetDataDefinitionRequest = Infer<typeof GetDataDefinitionRequest>;

/*
GetDataDefinitionResponse ::= SEQUENCE { cdc [0] VisibleString OPTIONAL, count [1] INTEGER OPTIONAL,
    subDataDefinition [2] SEQUENCE OF DataObjectDefinition OPTIONAL,
    dataAttributeDefinition [3] SEQUENCE OF DataAttributeDefinition OPTIONAL,
    moreFollows [4] BOOLEAN OPTIONAL }
*/
export const GetDataDefinitionResponse = sequence({
  cdc: optional(VisibleString),
  count: optional(UnconstrainedInteger),
  subDataDefinition: optional(sequenceOf(DataObjectDefinition)),
  dataAttributeDefinition: optional(sequenceOf(DataAttributeDefinition)),
  moreFollows: optional(boolean()),
});
export type GetDataDefinitionResponse = Infer<typeof GetDataDefinitionResponse>;

/** GetDataSetDirectoryRequest ::= SEQUENCE { dsRef [0] ObjectReference, continueAfter [1] FcdFcdaType OPTIONAL } */
export const GetDataSetDirectoryRequest = sequence({ dsRef: ObjectReference, continueAfter: optional(FcdFcdaType) });
export type GetDataSetDirectoryRequest = Infer<typeof GetDataSetDirectoryRequest>;

/** GetDataSetDirectoryResponse ::= SEQUENCE { dsMemberRef [0] SEQUENCE OF FcdFcdaType, moreFollows [1] BOOLEAN OPTIONAL } */
export const GetDataSetDirectoryResponse = sequence({ dsMemberRef: sequenceOf(FcdFcdaType), moreFollows: optional(boolean()) });
export type GetDataSetDirectoryResponse = Infer<typeof GetDataSetDirectoryResponse>;
