import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** A labelled select, as ui/field.tsx lays out an input: the label above, full width. */
export function SelectField({
  label,
  name,
  value,
  onValue,
  children,
}: {
  label: string;
  name: string;
  value: string;
  onValue(value: string): void;
  children: ComponentChildren;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onValue(e.currentTarget.value)}>
        {children}
      </select>
    </div>
  );
}
