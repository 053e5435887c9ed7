// Association services: associate, release, abort, refreshToken.
import type { Infer } from '../asn1/index.js';
import { choice, integer, optional, sequence, string } from '../asn1/index.js';
import { AssociateID, InvokeID, UTF8String } from './common.js';
import { ServiceStatusKind } from './enums.js';

/** AccessToken ::= SEQUENCE { associateId [0] AssociateID, token [1] UTF8String (SIZE(1..4096)) } */
export const AccessToken = sequence({ associateId: AssociateID, token: string(1, 4096) });
export type AccessToken = Infer<typeof AccessToken>;

/** AssociateRequest ::= SEQUENCE { calledAP [0] UTF8String OPTIONAL, maxMessageSize [1] INTEGER (0..4294967295) } */
export const AssociateRequest = sequence({ calledAP: optional(UTF8String), maxMessageSize: integer(0, 4294967295) });
export type AssociateRequest = Infer<typeof AssociateRequest>;

/*
AssociateResponse ::= SEQUENCE { maxMessageSize [0] INTEGER (0..4294967295), associateId [1] AssociateID,
    maxOutstandingCalls [2] INTEGER (0..65535) OPTIONAL, serviceError [3] ServiceStatusKind OPTIONAL }
*/
export const AssociateResponse = sequence({
  maxMessageSize: integer(0, 4294967295),
  associateId: AssociateID,
  maxOutstandingCalls: optional(integer(0, 65535)),
  serviceError: optional(ServiceStatusKind),
});
export type AssociateResponse = Infer<typeof AssociateResponse>;

/** ReleaseRequest ::= SEQUENCE { invokeId [0] IMPLICIT INTEGER, associateId [1] AssociateID } */
export const ReleaseRequest = sequence({ invokeId: InvokeID, associateId: AssociateID });
export type ReleaseRequest = Infer<typeof ReleaseRequest>;

/*
ReleaseResponse ::= SEQUENCE { invokeId [0] IMPLICIT INTEGER, associateId [1] AssociateID,
    serviceError [2] ServiceStatusKind OPTIONAL }
*/
export const ReleaseResponse = sequence({ invokeId: InvokeID, associateId: AssociateID, serviceError: optional(ServiceStatusKind) });
export type ReleaseResponse = Infer<typeof ReleaseResponse>;

/** AbortRequest ::= SEQUENCE { invokeId [0] IMPLICIT INTEGER, associateId [1] AssociateID } */
export const AbortRequest = sequence({ invokeId: InvokeID, associateId: AssociateID });
export type AbortRequest = Infer<typeof AbortRequest>;

/*
AbortResponse ::= SEQUENCE { invokeId [0] IMPLICIT INTEGER, associateId [1] AssociateID,
    serviceError [2] ServiceStatusKind OPTIONAL }
*/
export const AbortResponse = sequence({ invokeId: InvokeID, associateId: AssociateID, serviceError: optional(ServiceStatusKind) });
export type AbortResponse = Infer<typeof AbortResponse>;

/*
AssociateServiceType ::= CHOICE { associateRequest [0] AssociateRequest,
    associateResponse [1] AssociateResponse, releaseRequest [2] ReleaseRequest,
    releaseResponse [3] ReleaseResponse, abortRequest [4] AbortRequest,
    abortResponse [5] AbortResponse, refreshToken [6] AccessToken }
*/
export const AssociateServiceType = choice({
  associateRequest: AssociateRequest,
  associateResponse: AssociateResponse,
  releaseRequest: ReleaseRequest,
  releaseResponse: ReleaseResponse,
  abortRequest: AbortRequest,
  abortResponse: AbortResponse,
  refreshToken: AccessToken,
});
export type AssociateServiceType = Infer<typeof AssociateServiceType>;

/** AssociateType ::= CHOICE { service [1] AssociateServiceType } */
export const AssociateType = choice({ service: AssociateServiceType });
export type AssociateType = Infer<typeof AssociateType>;
