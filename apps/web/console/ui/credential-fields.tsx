import { Field } from './field.js';

/** The API's shortest password (libs/auth MIN_PASSWORD_LENGTH): said by the field before the API. */
const MIN_PASSWORD_LENGTH = 12;

interface Props {
  label: string;
  name: string;
  value: string;
  onValue(value: string): void;
}

/** An email that signs someone in: the browser may offer the accounts it knows. */
export function EmailField({ label, name, value, onValue }: Props) {
  return (
    <Field
      label={label}
      type="email"
      name={name}
      autocomplete="username"
      required
      value={value}
      onInput={(event) => onValue(event.currentTarget.value)}
    />
  );
}

/**
 * A password: the one in use (`current`: sign-in, confirming a change), or a new one (the
 * password manager may make it; at least the API's length).
 */
export function PasswordField({
  label,
  name,
  value,
  onValue,
  current = false,
}: Props & { current?: boolean }) {
  return (
    <Field
      label={label}
      type="password"
      name={name}
      autocomplete={current ? 'current-password' : 'new-password'}
      minLength={current ? undefined : MIN_PASSWORD_LENGTH}
      required
      value={value}
      onInput={(event) => onValue(event.currentTarget.value)}
    />
  );
}

/** A one-time token someone handed over (setup, reset): never kept in form history. */
export function TokenField({ label, value, onValue }: Omit<Props, 'name'>) {
  return (
    <Field
      label={label}
      name="token"
      required
      value={value}
      onInput={(event) => onValue(event.currentTarget.value)}
    />
  );
}
