/**
 * The morning plan's lines: one per person and appointment, by time, then by place (so that the
 * people going to the same office at the same hour stand together on the sheet), then by name.
 */
export interface DueAppointment {
  id: string;
  kind: string;
  startsAt: string;
  place?: string | null;
  residentName?: string | null;
  notes?: string | null;
}

export function planLines<A extends DueAppointment>(appointments: readonly A[]): A[] {
  return [...appointments].sort(
    (a, b) =>
      Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
      compareText(a.place, b.place) ||
      compareText(a.residentName, b.residentName) ||
      compareText(a.id, b.id),
  );
}

/** The lines grouped by the hour and place they share, in plan order, for the screen's headings. */
export function byTimeAndPlace<A extends DueAppointment>(
  appointments: readonly A[],
): { startsAt: string; place: string | null; lines: A[] }[] {
  const groups: { startsAt: string; place: string | null; lines: A[] }[] = [];
  for (const line of planLines(appointments)) {
    const last = groups.at(-1);
    const place = line.place ?? null;
    if (last && Date.parse(last.startsAt) === Date.parse(line.startsAt) && last.place === place) {
      last.lines.push(line);
    } else {
      groups.push({ startsAt: line.startsAt, place, lines: [line] });
    }
  }
  return groups;
}

function compareText(a: string | null | undefined, b: string | null | undefined): number {
  return (a ?? '').localeCompare(b ?? '', undefined, { sensitivity: 'base' });
}
