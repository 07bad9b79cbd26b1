import type { Catalogue } from '@albergue/i18n';
import { escapeHtml, translator } from '../public-pages/html.js';

/** The weight (q) the Accept header gives a media type, 0 when it does not accept it. */
function weightOf(accept: string, type: string): number {
  let best = 0;
  for (const part of accept.split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const [kind, sub] = range.trim().split('/');
    const [wantedKind] = type.split('/');
    const matches = range.trim() === type || (kind === wantedKind && sub === '*');
    if (!matches) {
      continue;
    }
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    best = Math.max(best, Number.isFinite(weight) ? weight : 0);
  }
  return best;
}

/**
 * A browser asks for a page (`text/html` first), an API client for data (`application/json`,
 * or no preference at all): only the first gets an HTML answer to an unknown address.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) {
    return false;
  }
  const html = weightOf(accept, 'text/html');
  return html > 0 && html > weightOf(accept, 'application/json');
}

/**
 * What a person who followed an old link or mistyped an address sees: a small page in their
 * language, no script, pointing at the map and at the text-only finder.
 */
export function notFoundPage(catalogue: Catalogue): string {
  const t = translator(catalogue);
  return `<!doctype html>
<html lang="${escapeHtml(catalogue.code)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('notFound.title')}</title>
<style>body{font:1rem/1.5 sans-serif;max-width:40rem;margin:0 auto;padding:0 .5rem}a{display:inline-block;min-height:44px;padding:.6rem .2rem;box-sizing:border-box}</style>
</head>
<body>
<h1>${t('notFound.title')}</h1>
<p>${t('notFound.body')}</p>
<ul>
<li><a href="/?lang=${escapeHtml(catalogue.code)}">${t('notFound.map')}</a></li>
<li><a href="/text?lang=${escapeHtml(catalogue.code)}">${t('notFound.text')}</a></li>
</ul>
</body>
</html>
`;
}
