// One error type for the domain. Services throw DomainError; the tRPC layer maps its code to an
// HTTP/tRPC code in one table (trpc/init.ts). A device's refusal is a state, never a DomainError.
export type DomainErrorCode =
  | 'unauthenticated' // no or expired session, wrong credentials
  | 'forbidden' // authenticated but not allowed (role, or another CPO's data)
  | 'not_found'
  | 'invalid_input'
  | 'conflict';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
