import { CODES, SAMPLE_CHARGE_MASTER } from '@unitwise/rules';
import { type FormEvent, type ReactNode, useState } from 'react';
import { messageOf } from '../api/problem.ts';
import { formatCents, parseDollars } from '../components/money.ts';

const asText = (cents: number | undefined): string => (cents === undefined ? '' : formatCents(cents).slice(1));

/**
 * The charge master: every code of the catalog with the clinic's charge per unit (empty until filled in), checked
 * as typed. A new clinic can fill the empty ones from the illustrative sample, which says it is illustrative.
 * @param props - the saved charges and how to save them
 */
export function ChargeMaster(props: {
  initial: Record<string, number>;
  onSave(charges: Record<string, number>): Promise<void>;
}): ReactNode {
  const [text, setText] = useState<Record<string, string>>(() =>
    Object.fromEntries([...CODES.keys()].map((c) => [c, asText(props.initial[c])])),
  );
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const problemOf = (code: string): string | undefined => {
    const t = (text[code] ?? '').trim();
    if (t === '') return undefined;
    const cents = parseDollars(t);
    if (cents === null) return 'Write the amount in dollars, e.g. 71.00.';
    return cents <= 0 ? 'A charge is more than $0.00; leave it empty if you do not bill this code.' : undefined;
  };
  const filled = [...CODES.keys()].filter((c) => (text[c] ?? '').trim() !== '').length;

  const fillSample = (): void => {
    const next = { ...text };
    for (const [code, cents] of Object.entries(SAMPLE_CHARGE_MASTER.charges))
      if (!(next[code] ?? '').trim()) next[code] = asText(cents);
    setText(next);
    setMsg({ ok: true, text: 'Empty charges filled from the illustrative sample: check each before saving.' });
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if ([...CODES.keys()].some((c) => problemOf(c))) {
      setMsg({ ok: false, text: 'Fix the charges shown in red before saving.' });
      return;
    }
    // Codes the catalog does not list keep the charge the clinic saved for them.
    const charges: Record<string, number> = Object.fromEntries(
      Object.entries(props.initial).filter(([c]) => !CODES.has(c)),
    );
    for (const c of CODES.keys()) {
      const cents = parseDollars(text[c] ?? '');
      if (cents !== null && cents > 0) charges[c] = cents;
    }
    try {
      await props.onSave(charges);
      setMsg({
        ok: true,
        text: `Charges saved for ${Object.keys(charges).length} codes. Rebuild held claims to use them.`,
      });
    } catch (err) {
      setMsg({ ok: false, text: messageOf(err) });
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="charges-title" noValidate>
      <h2 id="charges-title">Charges</h2>
      <p className="muted">
        Your usual charge per unit for each code (the charge master): the amount a claim line bills, whatever the payer
        allows. A code with no charge holds its claims back. {filled} of {CODES.size} codes have a charge.
      </p>
      <p>
        <button type="button" onClick={fillSample}>
          Fill empty charges from the illustrative sample
        </button>{' '}
        <small className="muted">{SAMPLE_CHARGE_MASTER.note}</small>
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">What it is</th>
              <th scope="col">Charge per unit ($)</th>
            </tr>
          </thead>
          <tbody>
            {[...CODES.values()].map((info) => {
              const problem = problemOf(info.code);
              const id = `charge-${info.code}`;
              return (
                <tr key={info.code}>
                  <td>{info.code}</td>
                  <td>
                    <label htmlFor={id}>{info.name}</label>
                  </td>
                  <td>
                    <input
                      id={id}
                      inputMode="decimal"
                      aria-label={`Charge for ${info.code}`}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? `${id}-error` : undefined}
                      value={text[info.code] ?? ''}
                      placeholder="not billed"
                      onChange={(e) => {
                        setText({ ...text, [info.code]: e.target.value });
                        setMsg(null);
                      }}
                    />
                    {problem && (
                      <div className="field-error" id={`${id}-error`} role="alert">
                        {problem}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="submit" className="primary">
        Save charges
      </button>
      {msg && (
        <p className={msg.ok ? undefined : 'form-error'} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </p>
      )}
    </form>
  );
}
