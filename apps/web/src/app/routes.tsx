// Every view has a URL. Control room at /grid, /charge-points, …; the CPO portal under /portal.
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { HomeRedirect, RequireAdmin, RequireCpo, RequireDso, RequireUser } from '../auth/guards.js';
import { ControlRoomLayout } from '../layouts/control-room-layout.js';
import { CpoPortalLayout } from '../layouts/cpo-portal-layout.js';
import { ChargePointDetailPage } from '../pages/charge-points/charge-point-detail-page.js';
import { ChargePointsPage } from '../pages/charge-points/charge-points-page.js';
import { AdminPage } from '../pages/admin/admin-page.js';
import { AlarmsPage, AuditPage, CommandsPage, InterventionsPage } from '../pages/empty-pages.js';
import { NotFoundPage } from '../pages/errors/not-found-page.js';
import { GridPage } from '../pages/grid/grid-page.js';
import { GridNodePage } from '../pages/grid/grid-node-page.js';
import { LoginPage } from '../pages/login-page.js';
import { RouteErrorPage } from './route-error-page.js';

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Outlet />,
      errorElement: <RouteErrorPage />,
      children: [
        { path: '/login', element: <LoginPage /> },
        {
          element: <RequireUser />,
          children: [
            { index: true, element: <HomeRedirect /> },
            {
              element: <RequireDso />,
              children: [
                {
                  element: <ControlRoomLayout />,
                  children: [
                    { path: 'grid', element: <GridPage /> },
                    { path: 'grid/nodes/:nodeId', element: <GridNodePage /> },
                    {
                      path: 'charge-points',
                      element: <ChargePointsPage basePath="/charge-points" scope="dso" />,
                    },
                    {
                      path: 'charge-points/:id',
                      element: <ChargePointDetailPage basePath="/charge-points" linkGrid />,
                    },
                    { path: 'alarms', element: <AlarmsPage /> },
                    { path: 'commands', element: <CommandsPage /> },
                    { path: 'audit', element: <AuditPage /> },
                    {
                      path: 'admin',
                      element: (
                        <RequireAdmin>
                          <AdminPage />
                        </RequireAdmin>
                      ),
                    },
                  ],
                },
              ],
            },
            {
              path: 'portal',
              element: <RequireCpo />,
              children: [
                {
                  element: <CpoPortalLayout />,
                  children: [
                    { index: true, element: <Navigate to="charge-points" replace /> },
                    {
                      path: 'charge-points',
                      element: <ChargePointsPage basePath="/portal/charge-points" scope="cpo" />,
                    },
                    {
                      path: 'charge-points/:id',
                      element: <ChargePointDetailPage basePath="/portal/charge-points" linkGrid={false} />,
                    },
                    { path: 'interventions', element: <InterventionsPage /> },
                    { path: '*', element: <NotFoundPage backTo="/portal" backLabel="Back to the portal" /> },
                  ],
                },
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
