import { BOROUGHS } from '@albergue/contracts';
import { useT } from '../../core/context.js';
import { Field } from '../../ui/field.js';
import { SelectField, type SelectProps } from './enum-select.js';

/** The borough, from the catalogue of boroughs (or none). */
function BoroughSelect(select: SelectProps) {
  const t = useT();
  return (
    <SelectField name="boroughCode" {...select}>
      <option value="">{t('setup.form.noBorough')}</option>
      {BOROUGHS.map((each) => (
        <option key={each.code} value={each.code}>
          {each.name} ({each.state})
        </option>
      ))}
    </SelectField>
  );
}

export interface PlaceValue {
  boroughCode: string;
  lat: string;
  lng: string;
}

/**
 * Where a place is: its borough (from the catalogue), its point on the map (lat, lng) and, once a
 * borough is chosen, a button that puts the borough's centre as the point.
 */
export function PlaceFields({
  id,
  boroughLabel,
  value,
  required,
  hint,
  onText,
  onPoint,
}: {
  /** The borough select's id. */
  id: string;
  boroughLabel: string;
  value: PlaceValue;
  required?: boolean;
  /** Said under the latitude: how to find the point. */
  hint: string;
  onText(name: keyof PlaceValue): (event: Event) => void;
  onPoint(point: { lat: string; lng: string }): void;
}) {
  const t = useT();
  const borough = BOROUGHS.find((each) => each.code === value.boroughCode);
  return (
    <>
      <BoroughSelect
        id={id}
        label={boroughLabel}
        value={value.boroughCode}
        onChange={onText('boroughCode')}
      />
      <Field
        label={t('setup.form.lat')}
        name="lat"
        inputMode="decimal"
        required={required}
        value={value.lat}
        hint={hint}
        onInput={onText('lat')}
      />
      <Field
        label={t('setup.form.lng')}
        name="lng"
        inputMode="decimal"
        required={required}
        value={value.lng}
        onInput={onText('lng')}
      />
      {borough && (
        <p>
          <button
            type="button"
            onClick={() =>
              onPoint({ lat: String(borough.centre.lat), lng: String(borough.centre.lng) })
            }
          >
            {t('setup.form.useCentre', { borough: borough.name })}
          </button>
        </p>
      )}
    </>
  );
}
