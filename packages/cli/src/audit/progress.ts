import type { CliIO } from '../io.ts';

/** Inputs smaller than this finish too fast to need a progress line. */
export const PROGRESS_MIN_BYTES = 5 * 1024 * 1024;

/** A `\r`-updated progress line on stderr; every method is a no-op when it is off. */
export interface Progress {
  tick(): void;
  done(): void;
}

/**
 * A progress line (visits audited, visits/s) on stderr when stderr is a terminal and the input is large.
 * Checks the clock only every 1,000 visits and redraws at most 4 times a second.
 * @param io - streams
 * @param size - input bytes, undefined for standard input (then off)
 * @param now - clock in ms (a parameter so tests can fix it)
 */
export function createProgress(
  io: CliIO,
  size: number | undefined,
  now: () => number = () => performance.now(),
): Progress {
  if (!io.stderr.isTTY || size === undefined || size <= PROGRESS_MIN_BYTES) return { tick() {}, done() {} };
  const start = now();
  let last = start;
  let n = 0;
  let shown = false;
  const draw = (t: number) => {
    const rate = n / Math.max((t - start) / 1000, 0.001);
    io.stderr.write(
      `\raudited ${n.toLocaleString('en-US')} visits · ${Math.round(rate).toLocaleString('en-US')} visits/s   `,
    );
    shown = true;
  };
  return {
    tick() {
      n += 1;
      if (n % 1000 !== 0) return;
      const t = now();
      if (t - last >= 250) {
        last = t;
        draw(t);
      }
    },
    done() {
      if (shown) {
        draw(now());
        io.stderr.write('\n');
      }
    },
  };
}
