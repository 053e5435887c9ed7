// Roles: admin (everything), operator (may send controls), viewer (DSO read-only), cpo (read-only,
// scoped to its own organisation).
export const ROLES = ['admin', 'operator', 'viewer', 'cpo'] as const;
export type Role = (typeof ROLES)[number];
export const DSO_ROLES: readonly Role[] = ['admin', 'operator', 'viewer'];
export const CONTROL_ROLES: readonly Role[] = ['admin', 'operator'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The organisation scope of a user's data queries: null = all (DSO staff), else one CPO. */
export type CpoScope = { cpoId: string } | null;
