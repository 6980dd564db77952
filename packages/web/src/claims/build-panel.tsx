import { type FormEvent, type ReactNode, useState } from 'react';
import { messageOf } from '../api/problem.ts';
import { localDate } from '../components/names.ts';
import { useAsync } from '../components/use-async.ts';
import { claimsApi } from './api.ts';
import type { BuildPreview, BuildResult, RebuildHeldResult } from './types.ts';

function firstOfLastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return localDate(d);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the build will take, in words: visits by payer, and what it leaves out. */
function PreviewText(props: { p: BuildPreview }): ReactNode {
  const { p } = props;
  const left = [
    p.onHold > 0 && `${plural(p.onHold, 'visit')} on hold`,
    p.noCoverage > 0 && `${plural(p.noCoverage, 'visit')} without coverage on the date`,
    p.alreadyClaimed > 0 && `${plural(p.alreadyClaimed, 'visit')} already on a claim`,
  ].filter(Boolean);
  return (
    <div data-testid="build-preview">
      <p>
        {p.toBill === 0
          ? 'No signed visits to bill in these dates.'
          : `Will bill ${plural(p.toBill, 'signed visit')} not yet on a claim:`}
      </p>
      {p.byPayer.length > 0 && (
        <ul className="plain-list">
          {p.byPayer.map((r) => (
            <li key={r.payerId}>
              {r.payerName}: {plural(r.visits, 'visit')}
            </li>
          ))}
        </ul>
      )}
      {left.length > 0 && <p className="muted">Left out: {left.join(', ')}.</p>}
      {p.truncated && <p className="muted">More visits than one build takes: build again for the rest.</p>}
    </div>
  );
}

/**
 * Building claims: the biller picks the dates of service, sees what the build will include (signed visits not yet
 * on a claim, by payer) and builds; and rebuilds every claim the scrubber held back in one action after a fix.
 * @param props - what to do after a build or rebuild changed the claims
 */
export function BuildPanel(props: { onChanged: () => void }): ReactNode {
  const [from, setFrom] = useState(firstOfLastMonth);
  const [to, setTo] = useState(() => localDate(new Date()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [built, setBuilt] = useState<BuildResult | undefined>();
  const [rebuilt, setRebuilt] = useState<RebuildHeldResult | undefined>();
  const valid = from !== '' && to !== '' && from <= to;
  const preview = useAsync(
    () => (valid ? claimsApi.buildPreview({ from, to }) : Promise.resolve(undefined)),
    [from, to, valid, built],
  );

  async function run(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      props.onChanged();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const onBuild = (e: FormEvent): void => {
    e.preventDefault();
    if (!valid) return;
    void run(async () => {
      setRebuilt(undefined);
      setBuilt(await claimsApi.build({ from, to }));
    });
  };
  const toBill = preview.data?.toBill ?? 0;

  return (
    <div className="card">
      <form className="row" onSubmit={onBuild} aria-label="Build claims">
        <div className="field">
          <label htmlFor="claims-from">Visits from</label>
          <input id="claims-from" type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="claims-to">to</label>
          <input id="claims-to" type="date" required value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit" className="primary" disabled={busy || !valid || preview.loading || toBill === 0}>
          {toBill > 0 ? `Build claims for ${plural(toBill, 'visit')}` : 'Build claims'}
        </button>
      </form>
      {!valid && <p className="form-error">Choose the first and last date of service to bill (the first one first).</p>}
      {preview.error !== undefined && <p className="form-error">{messageOf(preview.error)}</p>}
      {preview.data && <PreviewText p={preview.data} />}
      <div className="row">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              setBuilt(undefined);
              setRebuilt(await claimsApi.rebuildHeld());
            })
          }
        >
          Rebuild all held claims
        </button>
      </div>
      {built && (
        <p role="status">
          {plural(built.items.length, 'claim')} built: {built.ready} ready, {built.held} held back by the scrubber.
          {built.skipped.length > 0 &&
            ` ${plural(built.skipped.length, 'visit')} not billed (on hold, already claimed or no coverage).`}
        </p>
      )}
      {rebuilt && (
        <p role="status">
          {rebuilt.checked === 0
            ? 'No claims are held back.'
            : `${plural(rebuilt.checked, 'held claim')} rebuilt: ${rebuilt.ready.length} now ready, ${rebuilt.stillHeld.length} still held back${rebuilt.failed.length > 0 ? `, ${rebuilt.failed.length} could not be rebuilt` : ''}.`}
          {rebuilt.remaining && ' More are waiting: rebuild again.'}
        </p>
      )}
      {rebuilt && rebuilt.failed.length > 0 && (
        <ul className="plain-list">
          {rebuilt.failed.map((f) => (
            <li key={f.id}>
              {f.claimNumber}: {f.message}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
