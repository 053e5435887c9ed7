// Ingest counters: totals and per access point, for logs, /healthz and the devices API.
export const BAD_INPUT_KINDS = [
  'badReference',
  'unknownLogicalDevice',
  'notInProfile',
  'badValue',
  'futureTimestamp',
  'unknownDataSet',
  'unexpectedReport',
  'flood',
  'overload',
  'duplicateEntry',
  'invalidQuality',
] as const;
export type BadInputKind = (typeof BAD_INPUT_KINDS)[number];

export interface Counters {
  reports: number;
  samples: number;
  committedEntries: number;
  gaps: number;
  badInput: Record<BadInputKind, number>;
}

const fresh = (): Counters => ({
  reports: 0,
  samples: 0,
  committedEntries: 0,
  gaps: 0,
  badInput: Object.fromEntries(BAD_INPUT_KINDS.map((k) => [k, 0])) as Record<BadInputKind, number>,
});

export class IngestMetrics {
  readonly total = fresh();
  private readonly perDevice = new Map<string, Counters>();

  device(accessPointId: string): Counters {
    let c = this.perDevice.get(accessPointId);
    if (!c) this.perDevice.set(accessPointId, (c = fresh()));
    return c;
  }

  count(accessPointId: string, f: (c: Counters) => void): void {
    f(this.total);
    f(this.device(accessPointId));
  }

  bad(accessPointId: string, kind: BadInputKind, n = 1): void {
    this.count(accessPointId, (c) => (c.badInput[kind] += n));
  }

  snapshot(): { total: Counters; devices: Record<string, Counters> } {
    return { total: structuredClone(this.total), devices: Object.fromEntries([...this.perDevice].map(([k, v]) => [k, structuredClone(v)])) };
  }
}
