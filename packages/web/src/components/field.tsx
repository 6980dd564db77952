import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface FieldShell {
  label: string;
  /** The failure to show under the field, in plain words. */
  error?: string | undefined;
  hint?: ReactNode;
}

function Shell(props: FieldShell & { id: string; children: ReactNode }): ReactNode {
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <div className="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      )}
      {props.error && (
        <div className="field-error" id={`${props.id}-error`} role="alert">
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </div>
      )}
    </div>
  );
}

function describedBy(id: string, p: FieldShell): string | undefined {
  const ids = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/**
 * A labelled text input with its hint and error wired for screen readers.
 * @param props - label, error, hint and input attributes
 */
export function TextField(props: FieldShell & InputHTMLAttributes<HTMLInputElement>): ReactNode {
  const { label, error, hint, id: given, ...rest } = props;
  const auto = useId();
  const id = given ?? auto;
  return (
    <Shell id={id} label={label} error={error} hint={hint}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, props)} {...rest} />
    </Shell>
  );
}

/**
 * A labelled textarea.
 * @param props - label, error, hint and textarea attributes
 */
export function TextArea(props: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>): ReactNode {
  const { label, error, hint, id: given, ...rest } = props;
  const auto = useId();
  const id = given ?? auto;
  return (
    <Shell id={id} label={label} error={error} hint={hint}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, props)} {...rest} />
    </Shell>
  );
}

/**
 * A labelled select.
 * @param props - label, error, hint, options as children and select attributes
 */
export function SelectField(props: FieldShell & SelectHTMLAttributes<HTMLSelectElement>): ReactNode {
  const { label, error, hint, id: given, children, ...rest } = props;
  const auto = useId();
  const id = given ?? auto;
  return (
    <Shell id={id} label={label} error={error} hint={hint}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, props)} {...rest}>
        {children}
      </select>
    </Shell>
  );
}
