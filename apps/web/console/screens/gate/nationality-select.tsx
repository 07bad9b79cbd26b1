import { useConsole, useT } from '../../core/context.js';
import { regionName } from './names.js';

/** Nationalities most often at the gate, then "unknown or stateless" (XX, as the API takes it). */
export const NATIONALITIES = [
  'HT',
  'VE',
  'HN',
  'GT',
  'SV',
  'NI',
  'CU',
  'CO',
  'EC',
  'MX',
  'CL',
  'BR',
  'XX',
];

/** A labelled choice of nationality; the empty choice says what no choice means. */
export function NationalitySelect({
  id,
  name,
  label,
  emptyLabel,
  value,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  emptyLabel: string;
  value: string;
  onChange(code: string): void;
}) {
  const t = useT();
  const { language } = useConsole();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">{emptyLabel}</option>
        {NATIONALITIES.map((code) => (
          <option key={code} value={code}>
            {code === 'XX' ? t('gate.nationalityUnknown') : regionName(language.value.locale, code)}
          </option>
        ))}
      </select>
    </div>
  );
}
