import { ApiError } from './problem.ts';

/** One write waiting to reach the server. Writes with the same `key` coalesce: only the newest is sent. */
export interface QueuedWrite {
  key: string;
  method: string;
  path: string;
  body: unknown;
  /** The ETag the edit was based on: a queued save must not overwrite someone else's newer one. */
  ifMatch?: string;
  queuedAt: number;
}

/** Where the queue lives between page loads (localStorage in the app, a Map in tests). */
export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type Sender = (w: QueuedWrite) => Promise<void>;

/** What a flush did: the writes the server refused (dropped), and how many are still waiting. */
export interface FlushResult {
  refused: { write: QueuedWrite; error: ApiError }[];
  remaining: number;
}

const STORAGE_KEY = 'unitwise.retry-queue';

/**
 * A persistent queue of writes made while the network was down. `flush` sends them in order and stops at the
 * first network failure (the rest stay queued); a write the server refuses is dropped and reported, because
 * sending it again would fail the same way.
 */
export class RetryQueue {
  private readonly storage: QueueStorage;
  private running: Promise<FlushResult> | undefined;

  /**
   * @param storage - where the queue persists
   */
  constructor(storage: QueueStorage) {
    this.storage = storage;
  }

  /** The writes waiting, oldest first. */
  pending(): QueuedWrite[] {
    try {
      const raw = this.storage.getItem(STORAGE_KEY);
      return raw ? (JSON.parse(raw) as QueuedWrite[]) : [];
    } catch {
      return [];
    }
  }

  private save(items: QueuedWrite[]): void {
    this.storage.setItem(STORAGE_KEY, JSON.stringify(items));
  }

  /**
   * Queues a write, replacing any older one with the same key.
   * @param w - the write
   */
  enqueue(w: QueuedWrite): void {
    this.save([...this.pending().filter((x) => x.key !== w.key), w]);
  }

  /**
   * Takes a write off the queue (its owner will send it another way).
   * @param key - the write's key
   */
  remove(key: string): void {
    this.save(this.pending().filter((x) => x.key !== key));
  }

  /**
   * Sends what is queued; a flush already running is joined rather than run twice (that would send each write
   * twice, and the second would fail its If-Match).
   * @param send - performs one write; throws ApiError with status 0 when offline
   * @returns the writes the server refused, with the error, so the screen can say so
   */
  flush(send: Sender): Promise<FlushResult> {
    this.running ??= this.flushOnce(send).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async flushOnce(send: Sender): Promise<FlushResult> {
    const refused: { write: QueuedWrite; error: ApiError }[] = [];
    for (const w of this.pending()) {
      try {
        await send(w);
      } catch (err) {
        if (err instanceof ApiError && !err.isNetwork) refused.push({ write: w, error: err });
        else return { refused, remaining: this.pending().length };
      }
      this.save(this.pending().filter((x) => !(x.key === w.key && x.queuedAt === w.queuedAt)));
    }
    return { refused, remaining: this.pending().length };
  }
}
