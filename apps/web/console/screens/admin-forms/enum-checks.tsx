import { Check } from '../admin-shelters/checkbox.js';
import { toggled } from './form-state.js';

/** A checkbox for each value of a fixed list (an enum); the chosen ones are the value. */
export function EnumChecks<V extends string>({
  name,
  options,
  words,
  value,
  onChange,
}: {
  /** Each box is named `${name}.${option}`. */
  name: string;
  options: readonly V[];
  words(option: V): string;
  value: readonly V[];
  onChange(value: V[]): void;
}) {
  return (
    <div class="choices">
      {options.map((option) => (
        <Check
          key={option}
          label={words(option)}
          name={`${name}.${option}`}
          checked={value.includes(option)}
          onChange={(on) => onChange(toggled(value, option, on))}
        />
      ))}
    </div>
  );
}
