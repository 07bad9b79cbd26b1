import type { ComponentChildren } from 'preact';

/** What each labelled select of the admin forms is given (its id, for the label's `for`). */
export interface SelectProps<V extends string = string> {
  id: string;
  label: string;
  value: V;
  onChange(event: Event): void;
}

/** A labelled select, full width, its options given as children. */
export function SelectField({
  id,
  label,
  name,
  required,
  value,
  onChange,
  children,
}: SelectProps & { name: string; required?: boolean; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name} required={required} value={value} onChange={onChange}>
        {children}
      </select>
    </div>
  );
}

/** A labelled select over a fixed list of values (an enum), each written out in words. */
export function EnumSelect<V extends string>({
  options,
  words,
  ...select
}: SelectProps<V> & { name: string; options: readonly V[]; words(option: V): string }) {
  return (
    <SelectField {...select}>
      {options.map((option) => (
        <option key={option} value={option}>
          {words(option)}
        </option>
      ))}
    </SelectField>
  );
}
