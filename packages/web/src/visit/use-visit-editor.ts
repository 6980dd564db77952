import type { Credential, Discipline } from '@unitwise/rules';
import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { ApiError, messageOf } from '../api/problem.ts';
import { RetryQueue } from '../api/retry-queue.ts';
import type { SignRequest, VisitRecord } from '../api/types.ts';
import type { VisitDraft } from './draft.ts';
import { DraftStore } from './draft-store.ts';
import { draftToBody, recordToDraft } from './record-to-draft.ts';
import { type StaleTimer, staleTimer } from './stale-timer.ts';
import { running, timerReducer } from './timer-machine.ts';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'conflict' | 'invalid' | 'error';

/** What the visit screen gets from the editor. */
export interface VisitEditor {
  record: VisitRecord | undefined;
  draft: VisitDraft | undefined;
  loadError: unknown;
  status: SaveStatus;
  statusMessage: string;
  /** Failing fields of the last save, by server path (`services.0.minutes`). */
  fieldErrors: Record<string, string>;
  /** True when the draft was restored from this device rather than from the server. */
  restored: boolean;
  update(change: (d: VisitDraft) => VisitDraft): void;
  saveNow(): Promise<boolean>;
  sign(body: SignRequest): Promise<ApiError | null>;
  addAddendum(text: string): Promise<ApiError | null>;
  reload(): void;
  /** A timer found running when the note opened, long after it was last open: the screen asks what to do. */
  staleTimer: StaleTimer | undefined;
  /** Stops that timer when the note was last open ('then'), now ('now'), or keeps it running ('keep'). */
  settleTimer(choice: 'then' | 'now' | 'keep'): void;
}

const SAVE_DELAY_MS = 1200;
/** How often an open note with a running timer records that it is still open (see DraftStore.markSeen). */
const SEEN_EVERY_MS = 15_000;

function storage(): Storage {
  return window.localStorage;
}

/**
 * Loads a visit, keeps its draft on this device on every change, saves to the server after a short pause in
 * typing (with If-Match), and queues the save when the network is down.
 * @param visitId - the visit
 * @param credential - the signed-in clinician's credential in a discipline, for records without one
 * @param clock - returns epoch ms; injected so the screen and tests share one notion of now
 */
export function useVisitEditor(
  visitId: string,
  credential: (discipline: Discipline) => Credential,
  clock: () => number,
): VisitEditor {
  const [record, setRecord] = useState<VisitRecord>();
  const [draft, setDraft] = useState<VisitDraft>();
  const [loadError, setLoadError] = useState<unknown>();
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [statusMessage, setStatusMessage] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [restored, setRestored] = useState(false);
  const [tick, setTick] = useState(0);
  const [stale, setStale] = useState<StaleTimer>();
  const etag = useRef<string | undefined>(undefined);
  const latest = useRef<VisitDraft | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const drafts = useRef(new DraftStore(storage()));
  const queue = useRef(new RetryQueue(storage()));
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const savedAt = useRef(-1);
  const saveRef = useRef<(() => Promise<boolean>) | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload is driven by tick
  useEffect(() => {
    let live = true;
    setLoadError(undefined);
    api.visit(visitId).then(
      ({ body, etag: tag }) => {
        if (!live) return;
        setRecord(body);
        const fromServer = recordToDraft(body, credential);
        const local = drafts.current.load(visitId);
        const signed = body.status === 'signed' || !!body.signedAt;
        const useLocal = !signed && local !== undefined && local.updatedAt > 0;
        if (signed) drafts.current.clear(visitId);
        etag.current = useLocal ? (local.baseEtag ?? tag) : tag;
        latest.current = useLocal ? local : fromServer;
        setRestored(useLocal);
        setDraft(latest.current);
        // The latest instant the note is known to have been open with this timer running.
        const serverSaved = body.updatedAt ? Date.parse(body.updatedAt) : undefined;
        setStale(
          signed
            ? undefined
            : staleTimer(
                latest.current.timer,
                [drafts.current.lastSeen(visitId), useLocal ? local.updatedAt : serverSaved],
                clock(),
              ),
        );
        setStatus(useLocal ? 'pending' : 'saved');
        // A draft kept on this device may hold work the server never got: send it now.
        if (useLocal) timer.current = setTimeout(() => void saveRef.current?.(), 0);
      },
      (err: unknown) => live && setLoadError(err),
    );
    return () => {
      live = false;
    };
  }, [visitId, tick]);

  const applySaved = useCallback((body: VisitRecord, tag: string | undefined) => {
    etag.current = tag ?? etag.current;
    if (latest.current && etag.current) {
      latest.current = { ...latest.current, baseEtag: etag.current };
      drafts.current.save(latest.current);
    }
    setRecord(body);
    setFieldErrors({});
  }, []);

  const doSave = useCallback(async (): Promise<boolean> => {
    const d = latest.current;
    if (!d) return false;
    // Nothing changed since the last answer from the server: no request.
    if (d.updatedAt === savedAt.current) return true;
    const body = draftToBody(d, clock());
    setStatus('saving');
    try {
      const res = await api.updateVisit(visitId, body, etag.current);
      savedAt.current = d.updatedAt;
      applySaved(res.body, res.etag);
      // The local draft stays until signing: it is the copy that survives a reload mid-visit.
      setStatus('saved');
      setStatusMessage(`Saved at ${new Date(clock()).toLocaleTimeString()}`);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.isNetwork) {
        const w = { key: `visit:${visitId}`, method: 'PUT', path: `/visits/${visitId}`, body, queuedAt: clock() };
        queue.current.enqueue(etag.current ? { ...w, ifMatch: etag.current } : w);
        setStatus('offline');
        setStatusMessage('Offline: the note is kept on this device and will be sent when the connection is back.');
      } else if (err instanceof ApiError && err.status === 412) {
        setStatus('conflict');
        setStatusMessage(
          'Someone else saved this note since you opened it. Your version is kept on this device; reload to see theirs.',
        );
      } else if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        setFieldErrors(err.fields);
        setStatus('invalid');
        setStatusMessage('Not saved: fix the fields marked below.');
      } else {
        setStatus('error');
        setStatusMessage(messageOf(err));
      }
      return false;
    }
  }, [visitId, clock, applySaved]);

  // Saves run one after another: each sends the newest draft with the ETag the previous save returned.
  const saveNow = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    const next = chain.current.then(doSave, doSave);
    chain.current = next;
    return next;
  }, [doSave]);
  saveRef.current = saveNow;

  const update = useCallback(
    (change: (d: VisitDraft) => VisitDraft) => {
      setDraft((prev) => {
        if (!prev) return prev;
        const next: VisitDraft = { ...change(prev), updatedAt: clock() };
        if (etag.current) next.baseEtag = etag.current;
        latest.current = next;
        drafts.current.save(next);
        return next;
      });
      setStatus((s) => (s === 'conflict' ? s : 'pending'));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
    },
    [clock, saveNow],
  );

  // Send queued saves when the browser says the network is back, and every 15 s in case it does not say.
  // This visit's queued save goes through the editor's own save chain (newest draft, current ETag), so it never
  // races a save made meanwhile; saves of other visits left from earlier pages are sent as queued.
  useEffect(() => {
    const key = `visit:${visitId}`;
    const flush = (): void => {
      const pending = queue.current.pending();
      if (pending.length === 0) return;
      if (pending.some((w) => w.key === key)) {
        queue.current.remove(key);
        savedAt.current = -1;
        void saveRef.current?.().then((ok) => {
          if (ok) setStatusMessage('Back online: the note was sent.');
        });
      }
      void queue.current.flush(async (w) => {
        await request<VisitRecord>(w.method, w.path, w.body, w.ifMatch ? { ifMatch: w.ifMatch } : {});
      });
    };
    window.addEventListener('online', flush);
    const every = setInterval(flush, 15_000);
    flush();
    return () => {
      window.removeEventListener('online', flush);
      clearInterval(every);
    };
  }, [visitId]);

  useEffect(() => () => clearTimeout(timer.current), []);

  // While a timer runs (and no stale one waits for an answer), note every few seconds and on leaving the page
  // that the note is open, so a closed tab can later be stopped where it was left.
  const timing = draft !== undefined && running(draft.timer) !== undefined && stale === undefined;
  useEffect(() => {
    if (!timing) return;
    const mark = (): void => drafts.current.markSeen(visitId, clock());
    mark();
    const every = setInterval(mark, SEEN_EVERY_MS);
    window.addEventListener('pagehide', mark);
    return () => {
      clearInterval(every);
      window.removeEventListener('pagehide', mark);
    };
  }, [timing, visitId, clock]);

  const sign = useCallback(
    async (body: SignRequest): Promise<ApiError | null> => {
      // A signed note never changes, so a timer still running stops now and the save below carries its end.
      const d = latest.current;
      if (d && running(d.timer)) {
        const at = clock();
        const next: VisitDraft = { ...d, timer: timerReducer(d.timer, { type: 'stop', at }), updatedAt: at };
        latest.current = next;
        drafts.current.save(next);
        setDraft(next);
        setStale(undefined);
      }
      if (!(await saveNow())) {
        return new ApiError({ title: 'Not saved', status: 0, detail: 'Save the note before signing.' });
      }
      try {
        const res = await api.signVisit(visitId, body);
        applySaved(res.body, res.etag);
        drafts.current.clear(visitId);
        setTick((t) => t + 1);
        return null;
      } catch (err) {
        return err instanceof ApiError ? err : new ApiError({ title: 'Error', status: 500, detail: messageOf(err) });
      }
    },
    [visitId, clock, saveNow, applySaved],
  );

  const addAddendum = useCallback(
    async (text: string): Promise<ApiError | null> => {
      try {
        await api.addAddendum(visitId, text);
        setTick((t) => t + 1);
        return null;
      } catch (err) {
        return err instanceof ApiError ? err : new ApiError({ title: 'Error', status: 500, detail: messageOf(err) });
      }
    },
    [visitId],
  );

  const settleTimer = useCallback(
    (choice: 'then' | 'now' | 'keep') => {
      if (stale && choice !== 'keep') {
        const at = choice === 'then' ? stale.lastKnownAt : clock();
        update((d) => ({ ...d, timer: timerReducer(d.timer, { type: 'stop', at }) }));
      }
      setStale(undefined);
    },
    [stale, clock, update],
  );

  const reload = useCallback(() => {
    drafts.current.clear(visitId);
    setTick((t) => t + 1);
  }, [visitId]);

  return {
    record,
    draft,
    loadError,
    status,
    statusMessage,
    fieldErrors,
    restored,
    update,
    saveNow,
    sign,
    addAddendum,
    reload,
    staleTimer: stale,
    settleTimer,
  };
}
