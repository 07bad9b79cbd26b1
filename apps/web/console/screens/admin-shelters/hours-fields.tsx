import { WEEKDAYS } from '@albergue/contracts';
import { useConsole, useT } from '../../core/context.js';
import { Field } from '../../ui/field.js';
import { Check } from './checkbox.js';
import type { PeriodFields } from './shelter-form.js';

/** When a place can be reached: open day and night, or periods of days with their hours. */
export interface HoursValue {
  alwaysOpen: boolean;
  periods: PeriodFields[];
}

/**
 * The hours control of the admin forms (a shelter's, a health service's): "always open", or
 * periods of weekdays with an opening and a closing time, each added and removed by a button.
 * The caller keeps the value and its own legend's fieldset around it.
 */
export function HoursFields({
  value,
  onChange,
}: {
  value: HoursValue;
  onChange(value: HoursValue): void;
}) {
  const t = useT();
  const { language } = useConsole();
  const { alwaysOpen, periods } = value;
  const weekday = (day: number) =>
    new Intl.DateTimeFormat(language.value.locale, { weekday: 'short', timeZone: 'UTC' }).format(
      // 2024-01-01 was a Monday, ISO weekday 1.
      new Date(Date.UTC(2024, 0, day)),
    );
  const putPeriods = (next: PeriodFields[]) => onChange({ alwaysOpen, periods: next });
  return (
    <>
      <Check
        label={t('setup.form.alwaysOpen')}
        name="alwaysOpen"
        checked={alwaysOpen}
        onChange={(on) => onChange({ alwaysOpen: on, periods })}
      />
      {!alwaysOpen &&
        periods.map((period, index) => {
          const setPeriod = (change: Partial<PeriodFields>) =>
            putPeriods(periods.map((each, i) => (i === index ? { ...each, ...change } : each)));
          return (
            <fieldset class="period" key={index}>
              <legend>{t('setup.form.period', { n: index + 1 })}</legend>
              <div class="days">
                {WEEKDAYS.map((day) => (
                  <Check
                    key={day}
                    label={weekday(day)}
                    checked={period.days.includes(day)}
                    onChange={(on) =>
                      setPeriod({
                        days: on
                          ? [...period.days, day]
                          : period.days.filter((each) => each !== day),
                      })
                    }
                  />
                ))}
              </div>
              <Field
                label={t('setup.form.opens')}
                type="time"
                value={period.opens}
                onInput={(event) => setPeriod({ opens: event.currentTarget.value })}
              />
              <Field
                label={t('setup.form.closes')}
                type="time"
                value={period.closes}
                onInput={(event) => setPeriod({ closes: event.currentTarget.value })}
              />
              <button
                type="button"
                onClick={() => putPeriods(periods.filter((_, i) => i !== index))}
              >
                {t('setup.form.removePeriod', { n: index + 1 })}
              </button>
            </fieldset>
          );
        })}
      {!alwaysOpen && (
        <p>
          <button
            type="button"
            onClick={() =>
              putPeriods([...periods, { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '20:00' }])
            }
          >
            {t('setup.form.addPeriod')}
          </button>
        </p>
      )}
    </>
  );
}
