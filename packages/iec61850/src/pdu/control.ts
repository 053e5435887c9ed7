// Control services: select, selectWithValue, operate, cancel, command termination, time activated.
import type { Infer } from '../asn1/index.js';
import { boolean, optional, sequence, withDefault } from '../asn1/index.js';
import { CheckConditions, INT8U, ObjectReference, Originator, TimeStamp } from './common.js';
import { Data } from './data.js';
import { ControlServiceStatusKind, ServiceStatusKind } from './enums.js';

/** SelectRequest ::= SEQUENCE { ref [0] ObjectReference } */
export const SelectRequest = sequence({ ref: ObjectReference });
export type SelectRequest = Infer<typeof SelectRequest>;

/*
SelectResponse ::= SEQUENCE { success [0] BOOLEAN DEFAULT FALSE,
    serviceError [1] ServiceStatusKind OPTIONAL, addCause [2] ControlServiceStatusKind OPTIONAL }
*/
export const SelectResponse = sequence({
  success: withDefault(boolean(), false),
  serviceError: optional(ServiceStatusKind),
  addCause: optional(ControlServiceStatusKind),
});
export type SelectResponse = Infer<typeof SelectResponse>;

/*
SelectWithValueRequest ::= SEQUENCE { ref [0] ObjectReference, ctlVal [1] Data, origin [2] Originator,
    ctlNum [3] INT8U, t [4] TimeStamp, test [5] BOOLEAN, check [6] CheckConditions,
    operTm [7] TimeStamp OPTIONAL }
*/
export const SelectWithValueRequest = sequence({
  ref: ObjectReference,
  ctlVal: Data,
  origin: Originator,
  ctlNum: INT8U,
  t: TimeStamp,
  test: boolean(),
  check: CheckConditions,
  operTm: optional(TimeStamp),
});
export type SelectWithValueRequest = Infer<typeof SelectWithValueRequest>;

/*
SelectWithValueResponse ::= SEQUENCE { ref [0] ObjectReference, ctlVal [1] Data, origin [2] Originator,
    ctlNum [3] INT8U, t [4] TimeStamp, test [5] BOOLEAN, check [6] CheckConditions,
    operTm [7] TimeStamp OPTIONAL, addCause [8] ControlServiceStatusKind OPTIONAL }
*/
export const SelectWithValueResponse = sequence({
  ref: ObjectReference,
  ctlVal: Data,
  origin: Originator,
  ctlNum: INT8U,
  t: TimeStamp,
  test: boolean(),
  check: CheckConditions,
  operTm: optional(TimeStamp),
  addCause: optional(ControlServiceStatusKind),
});
export type SelectWithValueResponse = Infer<typeof SelectWithValueResponse>;

/*
CancelRequest ::= SEQUENCE { ref [0] ObjectReference, ctlVal [1] Data, operTm [2] TimeStamp OPTIONAL,
    origin [3] Originator, ctlNum [4] INT8U, t [5] TimeStamp, test [6] BOOLEAN }
*/
export const CancelRequest = sequence({
  ref: ObjectReference,
  ctlVal: Data,
  operTm: optional(TimeStamp),
  origin: Originator,
  ctlNum: INT8U,
  t: TimeStamp,
  test: boolean(),
});
export type CancelRequest = Infer<typeof CancelRequest>;

/*
CancelResponse ::= SEQUENCE { ref [0] ObjectReference, ctlVal [1] Data, operTm [2] TimeStamp OPTIONAL,
    origin [3] Originator, ctlNum [4] INT8U, t [5] TimeStamp, test [6] BOOLEAN,
    addCause [7] ControlServiceStatusKind OPTIONAL }
*/
export const CancelResponse = sequence({
  ref: ObjectReference,
  ctlVal: Data,
  operTm: optional(TimeStamp),
  origin: Originator,
  ctlNum: INT8U,
  t: TimeStamp,
  test: boolean(),
  addCause: optional(ControlServiceStatusKind),
});
export type CancelResponse = Infer<typeof CancelResponse>;

/*
OperateRequest ::= SEQUENCE { ref [0] ObjectReference, ctlVal [1] Data, origin [2] Originator,
    ctlNum [3] INT8U, t [4] TimeStamp, test [5] BOOLEAN DEFAULT FALSE,
    check [6] CheckConditions OPTIONAL }
*/
export const OperateRequest = sequence({
  ref: ObjectReference,
  ctlVal: Data,
  origin: Originator,
  ctlNum: INT8U,
  t: TimeStamp,
  test: withDefault(boolean(), false),
  check: optional(CheckConditions),
});
export type OperateRequest = Infer<typeof OperateRequest>;

/*
OperateResponse ::= SEQUENCE { success [0] BOOLEAN DEFAULT FALSE,
    serviceError [1] ServiceStatusKind OPTIONAL, addCause [2] ControlServiceStatusKind OPTIONAL }
*/
export const OperateResponse = sequence({
  success: withDefault(boolean(), false),
  serviceError: optional(ServiceStatusKind),
  addCause: optional(ControlServiceStatusKind),
});
export type OperateResponse = Infer<typeof OperateResponse>;

// The shape shared by CommandTermination, TimeActivatedOperate(Termination) and its response.
const controlWithCause = {
  ref: ObjectReference,
  ctlVal: Data,
  operTm: optional(TimeStamp),
  origin: Originator,
  ctlNum: INT8U,
  t: TimeStamp,
  test: boolean(),
  check: CheckConditions,
  addCause: optional(ControlServiceStatusKind),
};

/*
CommandTerminationRequest ::= SEQUENCE { ref [0] ObjectReference, ctlVal [1] Data,
    operTm [2] TimeStamp OPTIONAL, origin [3] Originator, ctlNum [4] INT8U, t [5] TimeStamp,
    test [6] BOOLEAN, check [7] CheckConditions, addCause [8] ControlServiceStatusKind OPTIONAL }
*/
export const CommandTerminationRequest = sequence(controlWithCause);
export type CommandTerminationRequest = Infer<typeof CommandTerminationRequest>;

/*
TimeActivatedOperateRequest ::= SEQUENCE { ref [0] ObjectReference, ctlVal [1] Data,
    operTm [2] TimeStamp OPTIONAL, origin [3] Originator, ctlNum [4] INT8U, t [5] TimeStamp,
    test [6] BOOLEAN, check [7] CheckConditions }
*/
export const TimeActivatedOperateRequest = sequence({
  ref: ObjectReference,
  ctlVal: Data,
  operTm: optional(TimeStamp),
  origin: Originator,
  ctlNum: INT8U,
  t: TimeStamp,
  test: boolean(),
  check: CheckConditions,
});
export type TimeActivatedOperateRequest = Infer<typeof TimeActivatedOperateRequest>;

/** TimeActivatedOperateResponse ::= SEQUENCE { (as CommandTerminationRequest) } */
export const TimeActivatedOperateResponse = sequence(controlWithCause);
export type TimeActivatedOperateResponse = Infer<typeof TimeActivatedOperateResponse>;

/** TimeActivatedOperateTerminationRequest ::= SEQUENCE { (as CommandTerminationRequest) } */
export const TimeActivatedOperateTerminationRequest = sequence(controlWithCause);
export type TimeActivatedOperateTerminationRequest = Infer<typeof TimeActivatedOperateTerminationRequest>;
