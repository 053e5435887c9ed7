// The whole tRPC API. The web app imports only the type.
import { authRouter } from '../features/auth/auth.router.js';
import { chargePointsRouter } from '../features/charge-points/charge-points.router.js';
import { gridRouter } from '../features/grid/grid.router.js';
import { organisationsRouter } from '../features/organisations/organisations.router.js';
import { devicesRouter } from '../features/devices/devices.router.js';
import { eventsRouter } from '../features/events/events.router.js';
import { meteringRouter } from '../features/metering/metering.router.js';
import { router } from './init.js';

export const appRouter = router({
  auth: authRouter,
  grid: gridRouter,
  chargePoints: chargePointsRouter,
  organisations: organisationsRouter,
  devices: devicesRouter,
  events: eventsRouter,
  metering: meteringRouter,
});

export type AppRouter = typeof appRouter;
