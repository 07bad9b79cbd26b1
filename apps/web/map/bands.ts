export type Band = 'SPACE' | 'FEW' | 'FULL' | 'CLOSED' | 'UNKNOWN';

/** Text and a symbol with every colour: a band is never told by colour alone. */
export const BAND_LABELS: Record<Band, { symbol: string; text: string }> = {
  SPACE: { symbol: '✔', text: 'Hay lugar' },
  FEW: { symbol: '!', text: 'Pocos lugares' },
  FULL: { symbol: '✖', text: 'Lleno' },
  CLOSED: { symbol: '—', text: 'Cerrado' },
  UNKNOWN: { symbol: '?', text: 'Sin datos recientes' },
};

export function bandHtml(band: Band): string {
  const label = BAND_LABELS[band];
  return `<span class="band band-${band.toLowerCase()}"><span aria-hidden="true">${label.symbol}</span> ${label.text}</span>`;
}
