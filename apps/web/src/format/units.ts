// Physical quantities for people: always with a unit, scaled to a readable size.

const numberFormats = new Map<number, Intl.NumberFormat>();

function formatNumber(value: number, maxFractionDigits: number): string {
  let format = numberFormats.get(maxFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(maxFractionDigits, format);
  }
  return format.format(value);
}

/** Active power: W below 1 kW, kW below 1 MW, MW above. `formatPowerW(11000) === '11 kW'`. */
export function formatPowerW(watts: number): string {
  if (!Number.isFinite(watts)) return '—';
  const magnitude = Math.abs(watts);
  if (magnitude >= 1_000_000) return `${formatNumber(watts / 1_000_000, 2)} MW`;
  if (magnitude >= 1_000) return `${formatNumber(watts / 1_000, 1)} kW`;
  return `${formatNumber(watts, 0)} W`;
}

/** Power always in kW, for table columns that are compared row by row. */
export function formatKw(watts: number): string {
  if (!Number.isFinite(watts)) return '—';
  return `${formatNumber(watts / 1_000, 1)} kW`;
}

/** A share such as connected rating against capacity: `formatPercent(0.425) === '43 %'`. */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${formatNumber(ratio * 100, 0)} %`;
}

/** "1 charge point", "12 charge points". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count, 0)} ${count === 1 ? singular : pluralForm}`;
}
