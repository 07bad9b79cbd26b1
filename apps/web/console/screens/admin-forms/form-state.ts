import { useState } from 'preact/hooks';

/** The list with the value in it (once, at the end) or without it: a checkbox over a list. */
export function toggled<V extends string>(list: readonly V[], value: V, on: boolean): V[] {
  const others = list.filter((each) => each !== value);
  return on ? [...others, value] : others;
}

/**
 * An admin form's values and the three ways its fields change them: `put` one value, `text` an
 * input's or select's text into a field (as its handler), `setForm` several at once.
 */
export function useFormState<F extends object>(initial: F) {
  const [form, setForm] = useState(initial);
  const put = <K extends keyof F>(name: K, value: F[K]) => setForm({ ...form, [name]: value });
  const text = (name: keyof F) => (event: Event) =>
    put(name, (event.currentTarget as HTMLInputElement).value as never);
  return { form, setForm, put, text };
}
