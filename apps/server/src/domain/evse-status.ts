// EVSE status in the domain: stored in samples as its number, shown by name. The numbering is the
// charge point profile's (DESE<n>.ChaSt, DOMAIN.md §3), which the profile table maps one to one.
// The web app imports this module (`@dso/server/domain`), so the names live in one place.
export const EVSE_STATUS = [
  '',
  'Available',
  'Preparing',
  'Charging',
  'SuspendedEV',
  'SuspendedEVSE',
  'Finishing',
  'Reserved',
  'Unavailable',
  'Faulted',
  'Discharging',
] as const;

export type EvseStatusName = Exclude<(typeof EVSE_STATUS)[number], ''>;

export const CHARGING_STATUS = 3;
export const DISCHARGING_STATUS = 10;

/** The status's name, or the number itself when it is outside the known range. */
export function evseStatusName(code: number): string {
  return (Number.isInteger(code) && EVSE_STATUS[code]) || String(code);
}
