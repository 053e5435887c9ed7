// Route guards: who may see which part of the app. The server enforces the same rules on every call;
// these only decide what to render and where to send people.
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { CurrentUserContext, homePath, useCurrentUser } from './current-user.js';
import { PageLoader } from '../components/page-loader.js';
import { QueryErrorPage } from '../pages/errors/query-error-page.js';
import { ForbiddenPage } from '../pages/errors/forbidden-page.js';
import { isSessionExpired } from './session-expiry.js';

function loginPath(next: string): string {
  const params = new URLSearchParams();
  if (next !== '/' && !next.startsWith('/login')) params.set('next', next);
  if (isSessionExpired()) params.set('reason', 'expired');
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}

/** Renders its routes only for a logged-in user; otherwise sends the visitor to the login page. */
export function RequireUser() {
  const trpc = useTRPC();
  const location = useLocation();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.isPending) return <PageLoader label="Checking your session" />;
  if (me.isError) return <QueryErrorPage error={me.error} onRetry={() => void me.refetch()} />;
  const user = me.data.user;
  if (!user) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return (
    <CurrentUserContext.Provider value={user}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}

/** The control room is for DSO staff; a CPO user following a control-room link goes to its portal. */
export function RequireDso() {
  const user = useCurrentUser();
  const location = useLocation();
  if (user.role !== 'cpo') return <Outlet />;
  const match = /^\/charge-points(\/.*)?$/.exec(location.pathname);
  return <Navigate to={match ? `/portal/charge-points${match[1] ?? ''}` : homePath(user)} replace />;
}

/** The portal is for CPO staff; DSO staff have the control room. */
export function RequireCpo() {
  const user = useCurrentUser();
  const location = useLocation();
  if (user.role === 'cpo') return <Outlet />;
  const match = /^\/portal\/charge-points(\/.*)?$/.exec(location.pathname);
  return <Navigate to={match ? `/charge-points${match[1] ?? ''}` : homePath(user)} replace />;
}

export function RequireAdmin({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  if (user.role === 'admin') return <>{children}</>;
  return (
    <ForbiddenPage
      title="Administrators only"
      message="The Admin page manages users, devices and device tokens. Your role does not include it; ask an administrator if you need a change."
      backTo="/grid"
      backLabel="Back to the grid"
    />
  );
}

/** "/" sends each user to their own start page. */
export function HomeRedirect() {
  return <Navigate to={homePath(useCurrentUser())} replace />;
}
