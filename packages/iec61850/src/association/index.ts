export { Association } from './association.js';
export type { AcsiRole, AssociationEvents, AssociationOptions, RequestHandler } from './association.js';
export { emptyStats, excerpt, silentLogger } from './types.js';
export type {
  AssociationState,
  AssociationStats,
  CallFailure,
  CallOutcome,
  DownCause,
  DownReason,
  Logger,
} from './types.js';
