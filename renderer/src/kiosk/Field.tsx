/** A large labelled input for the kiosk, with its error in bold red under it. */
import type { InputHTMLAttributes } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  id: string;
  label: string;
  note?: string;
  value: string;
  error?: string | undefined;
  active?: boolean;
  onChange: (value: string) => void;
}

export function Field({ id, label, note, value, error, active, onChange, className, ...rest }: FieldProps) {
  return (
    <div className="kiosk-field">
      <label htmlFor={id}>
        {label}
        {note ? <small>{note}</small> : null}
      </label>
      <input
        id={id}
        className={['kiosk-input', active ? 'active' : '', error ? 'invalid' : '', className ?? ''].join(' ')}
        value={value}
        // The name without the grey note, for screen readers (and tests).
        aria-label={label}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
      />
      {error ? (
        <div id={`${id}-error`} className="kiosk-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
