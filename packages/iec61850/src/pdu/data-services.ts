// Data and data set services: get/set data values, data set values, create/delete data set.
import type { Infer } from '../asn1/index.js';
import { boolean, choice, nul, sequence, sequenceOf, withDefault } from '../asn1/index.js';
import { DataAccessError, FcdFcdaType, ObjectReference } from './common.js';
import { DataAttributeValue } from './data.js';
import { Result } from './enums.js';

/** GetDataValuesRequest ::= SEQUENCE { ref [0] FcdFcdaType, includeElementName [1] BOOLEAN DEFAULT FALSE } */
export const GetDataValuesRequest = sequence({ ref: FcdFcdaType, includeElementName: withDefault(boolean(), false) });
export type GetDataValuesRequest = Infer<typeof GetDataValuesRequest>;

/** GetDataValuesResponse ::= SEQUENCE { dataAttrVal [0] SEQUENCE OF DataAttributeValue } */
export const GetDataValuesResponse = sequence({ dataAttrVal: sequenceOf(DataAttributeValue) });
export type GetDataValuesResponse = Infer<typeof GetDataValuesResponse>;

/** SetDataValuesRequest ::= SEQUENCE { ref [0] FcdFcdaType, dataAttrVal [1] SEQUENCE OF DataAttributeValue } */
export const SetDataValuesRequest = sequence({ ref: FcdFcdaType, dataAttrVal: sequenceOf(DataAttributeValue) });
export type SetDataValuesRequest = Infer<typeof SetDataValuesRequest>;

/** SetDataValuesResponse ::= SEQUENCE { result [0] Result } */
export const SetDataValuesResponse = sequence({ result: Result });
export type SetDataValuesResponse = Infer<typeof SetDataValuesResponse>;

/** GetDataSetValuesRequest ::= SEQUENCE { dsRef [0] ObjectReference } */
export const GetDataSetValuesRequest = sequence({ dsRef: ObjectReference });
export type GetDataSetValuesRequest = Infer<typeof GetDataSetValuesRequest>;

/** GetDataSetValuesResponse ::= SEQUENCE { dsMemberValue [0] SEQUENCE OF DataAttributeValue } */
export const GetDataSetValuesResponse = sequence({ dsMemberValue: sequenceOf(DataAttributeValue) });
export type GetDataSetValuesResponse = Infer<typeof GetDataSetValuesResponse>;

/** SetDataSetValuesRequest ::= SEQUENCE { dsRef [0] ObjectReference, dataAttrVal [1] SEQUENCE OF DataAttributeValue } */
export const SetDataSetValuesRequest = sequence({ dsRef: ObjectReference, dataAttrVal: sequenceOf(DataAttributeValue) });
export type SetDataSetValuesRequest = Infer<typeof SetDataSetValuesRequest>;

/** WriteResponse ::= SEQUENCE OF CHOICE { failure [0] IMPLICIT DataAccessError, success [1] IMPLICIT NULL } */
export const WriteResponse = sequenceOf(choice({ failure: DataAccessError, success: nul() }));
export type WriteResponse = Infer<typeof WriteResponse>;

/** SetDataSetValuesResponse ::= SEQUENCE { result [0] WriteResponse } */
export const SetDataSetValuesResponse = sequence({ result: WriteResponse });
export type SetDataSetValuesResponse = Infer<typeof SetDataSetValuesResponse>;

/** CreateDataSetRequest ::= SEQUENCE { dsRef [0] ObjectReference, dsMemberRef [1] SEQUENCE OF FcdFcdaType } */
export const CreateDataSetRequest = sequence({ dsRef: ObjectReference, dsMemberRef: sequenceOf(FcdFcdaType) });
export type CreateDataSetRequest = Infer<typeof CreateDataSetRequest>;

/** CreateDataSetResponse ::= SEQUENCE { result [0] Result } */
export const CreateDataSetResponse = sequence({ result: Result });
export type CreateDataSetResponse = Infer<typeof CreateDataSetResponse>;

/** DeleteDataSetRequest ::= SEQUENCE { dsRef [0] ObjectReference } */
export const DeleteDataSetRequest = sequence({ dsRef: ObjectReference });
export type DeleteDataSetRequest = Infer<typeof DeleteDataSetRequest>;

/** DeleteDataSetResponse ::= SEQUENCE { result [0] Result } */
export const DeleteDataSetResponse = sequence({ result: Result });
export type DeleteDataSetResponse = Infer<typeof DeleteDataSetResponse>;
