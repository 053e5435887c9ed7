// Names for the shapes the web app shows, derived from the server's router (never redeclared by hand).
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './app-router.js';

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export type CurrentUser = NonNullable<RouterOutputs['auth']['me']['user']>;
export type Role = CurrentUser['role'];
export type GridNode = RouterOutputs['grid']['tree']['nodes'][number];
export type GridNodeKind = GridNode['kind'];
export type ChargePointRow = RouterOutputs['chargePoints']['list']['items'][number];
export type ChargePointDetail = RouterOutputs['chargePoints']['byId'];
export type Evse = ChargePointDetail['evses'][number];

export const isDsoRole = (role: Role): boolean => role !== 'cpo';
export type GridNodeDetail = RouterOutputs['grid']['node'];
export type GridAggregate = NonNullable<GridNodeDetail['node']['live']>;
