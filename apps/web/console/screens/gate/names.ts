import type { GateBed } from './gate-documents.js';

export function bedName(bed: Pick<GateBed, 'roomName' | 'label'>): string {
  return `${bed.roomName} ${bed.label}`;
}

/** A country's name in the reader's locale, or its code when the browser cannot say it. */
export function regionName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
