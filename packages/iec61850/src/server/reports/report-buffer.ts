// The bounded entry buffer of one BRCB (IEC 61850-7-2 §17.2): EntryIDs are an 8-byte big-endian
// counter, so "older than the oldest" can be told apart from "never issued". A cursor marks the
// last entry delivered; entries dropped before delivery raise bufOvfl on the next report.
import type { EntryData1, TimeStamp } from '../../pdu/index.js';
import { bigIntFromEntryId, entryIdFromBigInt } from '../../pdu/index.js';

export interface BufferedEntry {
  id: bigint;
  entryID: Uint8Array;
  timeOfEntry: TimeStamp;
  entryData: EntryData1[];
}

export class ReportBuffer {
  private entries: BufferedEntry[] = [];
  private lastIssued = 0n;
  /** Id of the last entry delivered (0n = nothing yet). */
  private cursor = 0n;
  private overflowed = false;
  /** Highest id dropped by overflow since the last purge (purged entries are no loss). */
  private droppedUpTo = 0n;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.length;
  }

  /** The EntryID of the last delivered entry (8 zero bytes if none). */
  get lastDelivered(): Uint8Array {
    return entryIdFromBigInt(this.cursor);
  }

  get newest(): BufferedEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  push(timeOfEntry: TimeStamp, entryData: EntryData1[]): BufferedEntry {
    this.lastIssued += 1n;
    const entry: BufferedEntry = { id: this.lastIssued, entryID: entryIdFromBigInt(this.lastIssued), timeOfEntry, entryData };
    this.entries.push(entry);
    while (this.entries.length > this.capacity) {
      const dropped = this.entries.shift();
      if (!dropped) break;
      this.droppedUpTo = dropped.id;
      if (dropped.id > this.cursor) this.overflowed = true;
    }
    return entry;
  }

  /** Next undelivered entry, with the overflow flag to report along with it. */
  next(): { entry: BufferedEntry; bufOvfl: boolean } | undefined {
    const entry = this.entries.find((e) => e.id > this.cursor);
    if (!entry) return undefined;
    return { entry, bufOvfl: this.overflowed };
  }

  markDelivered(entry: BufferedEntry): void {
    this.cursor = entry.id;
    this.overflowed = false;
  }

  /**
   * Resume after a client-written EntryID: zero → from the oldest; a buffered id → after it;
   * an id older than the buffer → from the oldest, with bufOvfl when entries after it were lost to
   * overflow (not when they were purged); a never-issued id → false.
   */
  resumeAfter(entryID: Uint8Array): boolean {
    const id = bigIntFromEntryId(entryID);
    if (id > this.lastIssued) return false;
    const oldest = this.entries[0];
    if (id === 0n) {
      this.cursor = 0n;
      this.overflowed = this.droppedUpTo > 0n;
      return true;
    }
    if (oldest && id < oldest.id - 1n) {
      this.cursor = oldest.id - 1n;
      this.overflowed = id < this.droppedUpTo;
      return true;
    }
    this.cursor = id;
    this.overflowed = false;
    return true;
  }

  purge(): void {
    this.entries = [];
    this.cursor = this.lastIssued;
    this.overflowed = false;
    this.droppedUpTo = 0n;
  }
}
