/** A checkbox with its words beside it, the whole row a 44 px target. */
export function Check({
  label,
  checked,
  name,
  disabled,
  onChange,
}: {
  label: string;
  checked: boolean;
  name?: string;
  disabled?: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label class="setup-check">
      <input
        type="checkbox"
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
