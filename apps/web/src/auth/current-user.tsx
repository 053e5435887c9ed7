// The logged-in user, provided by the guards below so pages never handle "no user".
import { createContext, useContext } from 'react';
import type { CurrentUser } from '../api/types.js';

export const CurrentUserContext = createContext<CurrentUser | null>(null);

export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser() used outside an authenticated route');
  return user;
}

export const ROLE_LABEL: Record<CurrentUser['role'], string> = {
  admin: 'Administrator',
  operator: 'Operator',
  viewer: 'Viewer',
  cpo: 'CPO',
};

/** Where a user lands after login or on "/". */
export function homePath(user: CurrentUser): string {
  return user.role === 'cpo' ? '/portal/charge-points' : '/grid';
}
