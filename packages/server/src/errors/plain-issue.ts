import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

function plural(n: number | bigint, one: string): string {
  return `${n} ${one}${Number(n) === 1 ? '' : 's'}`;
}

/**
 * A plain sentence for a failed field, for the checks whose schema gave no message of its own: the person at the
 * form reads "Required." or "At most 100 characters.", not zod's "Too small: expected string to have >=1
 * characters". Passed to every parse as its error map; a message set on a schema still wins (zod's precedence).
 * @param issue - the issue zod raised
 * @returns the message, or undefined to leave zod's
 */
export function plainIssue(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Required.';
      if (issue.expected === 'number' || issue.expected === 'int') return 'Enter a number.';
      if (issue.expected === 'string') return 'Enter text.';
      if (issue.expected === 'array') return 'Expected a list.';
      if (issue.expected === 'boolean') return 'Expected yes or no.';
      return 'This field has the wrong kind of value.';
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'string') return Number(min) <= 1 ? 'Required.' : `At least ${plural(min, 'character')}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at least ${plural(min, 'item')}.`;
      return `The smallest allowed is ${min}.`;
    }
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'string') return `At most ${plural(max, 'character')}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `At most ${plural(max, 'item')}.`;
      return `The largest allowed is ${max}.`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter an email address, such as name@clinic.com.';
      if (issue.format === 'date') return 'Enter a date as YYYY-MM-DD.';
      if (issue.format === 'datetime') return 'Enter a date and time.';
      return 'This is not in the expected form.';
    case 'invalid_value':
      return issue.values.length <= 8
        ? `Choose one of: ${issue.values.map((v) => String(v)).join(', ')}.`
        : 'Choose one of the listed values.';
    case 'unrecognized_keys':
      return `Not a field we know: ${issue.keys.join(', ')}.`;
    case 'not_multiple_of':
      return `Must be a multiple of ${issue.divisor}.`;
    case 'invalid_union':
      return 'This does not match any of the accepted forms.';
    default:
      return undefined;
  }
}
