/**
 * Times and dates as the reader's language writes them, in the device's time zone: the console
 * runs on the shelter's own phones and laptops, in the city whose TIME_ZONE the server keeps.
 */
export function timeOfDay(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(
    new Date(iso),
  );
}

export function dayAndTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}
