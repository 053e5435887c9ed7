// The service CHOICEs and the TpaaPdu envelope.
import type { Infer } from '../asn1/index.js';
import { choice, sequence } from '../asn1/index.js';
import { AssociateServiceType, AssociateType } from './association.js';
import { AssociateID, InvokeID } from './common.js';
import {
  CancelRequest, CancelResponse, CommandTerminationRequest, OperateRequest, OperateResponse, SelectRequest,
  SelectResponse, SelectWithValueRequest, SelectWithValueResponse, TimeActivatedOperateRequest,
  TimeActivatedOperateResponse,
} from './control.js';
import {
  CreateDataSetRequest, CreateDataSetResponse, DeleteDataSetRequest, DeleteDataSetResponse, GetDataSetValuesRequest,
  GetDataSetValuesResponse, GetDataValuesRequest, GetDataValuesResponse, SetDataSetValuesRequest,
  SetDataSetValuesResponse, SetDataValuesRequest, SetDataValuesResponse,
} from './data-services.js';
import {
  GetDataDefinitionRequest, GetDataDefinitionResponse, GetDataDirectoryRequest, GetDataDirectoryResponse,
  GetDataSetDirectoryRequest, GetDataSetDirectoryResponse, GetLogicalDeviceDirectoryRequest,
  GetLogicalDeviceDirectoryResponse, GetLogicalNodeDirectoryRequest, GetLogicalNodeDirectoryResponse,
  GetServerDirectoryRequest, GetServerDirectoryResponse,
} from './discovery.js';
import { ServiceStatusKind } from './enums.js';
import {
  GetLCBValuesRequest, GetLCBValuesResponse, GetLogStatusValuesRequest, GetLogStatusValuesResponse,
  QueryLogAfterRequest, QueryLogAfterResponse, QueryLogByTimeRequest, QueryLogByTimeResponse, SetLCBValuesRequest,
  SetLCBValuesResponse,
} from './log.js';
import {
  GetBRCBValuesRequest, GetBRCBValuesResponse, GetURCBValuesRequest, GetURCBValuesResponse, Report,
  SetBRCBValuesRequest, SetBRCBValuesResponse, SetURCBValuesRequest, SetURCBValuesResponse,
} from './reporting.js';

/* RequestServiceType ::= CHOICE { getLogicalDeviceDirectory [1] ... getServerDirectory [29] } (see the module) */
export const RequestServiceType = choice({
  getLogicalDeviceDirectory: GetLogicalDeviceDirectoryRequest,
  getLogicalNodeDirectory: GetLogicalNodeDirectoryRequest,
  getDataValues: GetDataValuesRequest,
  setDataValues: SetDataValuesRequest,
  getDataDirectory: GetDataDirectoryRequest,
  getDataDefinition: GetDataDefinitionRequest,
  getDatasetValues: GetDataSetValuesRequest,
  setDataSetValues: SetDataSetValuesRequest,
  createDataSet: CreateDataSetRequest,
  deleteDataSet: DeleteDataSetRequest,
  getDataSetDirectory: GetDataSetDirectoryRequest,
  getBRCBValues: GetBRCBValuesRequest,
  setBRCBValues: SetBRCBValuesRequest,
  getURCBValues: GetURCBValuesRequest,
  setURCBValues: SetURCBValuesRequest,
  getLCBValues: GetLCBValuesRequest,
  setLCBValues: SetLCBValuesRequest,
  queryLogByTime: QueryLogByTimeRequest,
  queryLogAfter: QueryLogAfterRequest,
  getLogStatusValues: GetLogStatusValuesRequest,
  select: SelectRequest,
  selectWithValue: SelectWithValueRequest,
  cancel: CancelRequest,
  operate: OperateRequest,
  timeActivatedOperate: TimeActivatedOperateRequest,
  timeActivatedOPerateTermination: TimeActivatedOperateRequest,
  getServerDirectory: GetServerDirectoryRequest,
});
export type RequestServiceType = Infer<typeof RequestServiceType>;

/* ResponseServiceType ::= CHOICE { serviceError [0] ServiceStatusKind, getLogicalDeviceDirectory [1] ... } */
export const ResponseServiceType = choice({
  serviceError: ServiceStatusKind,
  getLogicalDeviceDirectory: GetLogicalDeviceDirectoryResponse,
  getLogicalNodeDirectory: GetLogicalNodeDirectoryResponse,
  getDataValues: GetDataValuesResponse,
  setDataValues: SetDataValuesResponse,
  getDataDirectory: GetDataDirectoryResponse,
  getDataDefinition: GetDataDefinitionResponse,
  getDatasetValues: GetDataSetValuesResponse,
  setDataSetValues: SetDataSetValuesResponse,
  createDataSet: CreateDataSetResponse,
  deleteDataSet: DeleteDataSetResponse,
  getDataSetDirectory: GetDataSetDirectoryResponse,
  getBRCBValues: GetBRCBValuesResponse,
  setBRCBValues: SetBRCBValuesResponse,
  getURCBValues: GetURCBValuesResponse,
  setURCBValues: SetURCBValuesResponse,
  getLCBValues: GetLCBValuesResponse,
  setLCBValues: SetLCBValuesResponse,
  queryLogByTime: QueryLogByTimeResponse,
  queryLogAfter: QueryLogAfterResponse,
  getLogStatusValues: GetLogStatusValuesResponse,
  select: SelectResponse,
  selectWithValue: SelectWithValueResponse,
  cancel: CancelResponse,
  operate: OperateResponse,
  timeActivatedOperate: TimeActivatedOperateResponse,
  timeActivatedOPerateTermination: TimeActivatedOperateResponse,
  getServerDirectory: GetServerDirectoryResponse,
});
export type ResponseServiceType = Infer<typeof ResponseServiceType>;

/** UnconfirmedServiceType ::= CHOICE { report [0] Report, cmdTerm [1] CommandTerminationRequest } */
export const UnconfirmedServiceType = choice({ report: Report, cmdTerm: CommandTerminationRequest });
export type UnconfirmedServiceType = Infer<typeof UnconfirmedServiceType>;

/** RequestType ::= SEQUENCE { associateId [0] AssociateID, invokeId [1] IMPLICIT INTEGER, service [2] RequestServiceType } */
export const RequestType = sequence({ associateId: AssociateID, invokeId: InvokeID, service: RequestServiceType });
export type RequestType = Infer<typeof RequestType>;

/** ResponseType ::= SEQUENCE { associateId [0] AssociateID, invokeId [1] IMPLICIT INTEGER, service [2] ResponseServiceType } */
export const ResponseType = sequence({ associateId: AssociateID, invokeId: InvokeID, service: ResponseServiceType });
export type ResponseType = Infer<typeof ResponseType>;

/** UnconfirmedType ::= SEQUENCE { associateId [0] AssociateID, service [1] UnconfirmedServiceType } */
export const UnconfirmedType = sequence({ associateId: AssociateID, service: UnconfirmedServiceType });
export type UnconfirmedType = Infer<typeof UnconfirmedType>;

/*
TpaaPdu ::= CHOICE { associate [0] AssociateType, request [1] RequestType, response [2] ResponseType,
    unconfirmed [3] UnconfirmedType }
*/
export const TpaaPdu = choice({ associate: AssociateType, request: RequestType, response: ResponseType, unconfirmed: UnconfirmedType });
export type TpaaPdu = Infer<typeof TpaaPdu>;

/** Names of the alternatives, handy for dispatch tables. */
type KeysOfUnion<U> = U extends unknown ? keyof U & string : never;
export type RequestServiceName = KeysOfUnion<RequestServiceType>;
export type ResponseServiceName = KeysOfUnion<ResponseServiceType>;
export type AssociateServiceName = KeysOfUnion<AssociateServiceType>;
