import type { ComponentChildren } from 'preact';
import { useT } from '../../core/context.js';
import { HoursFields, type HoursValue } from '../admin-shelters/hours-fields.js';

/** The "hours" fieldset of an admin form: the hours control, then any fields of the caller's. */
export function HoursFieldset({
  value,
  onChange,
  children,
}: {
  value: HoursValue;
  onChange(value: HoursValue): void;
  children?: ComponentChildren;
}) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t('setup.form.hours')}</legend>
      <HoursFields value={value} onChange={onChange} />
      {children}
    </fieldset>
  );
}
