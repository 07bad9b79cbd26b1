import { PROBLEM_REASONS, type PublicShelter } from '@albergue/contracts';
import type { Catalogue } from '@albergue/i18n';
import { escapeHtml, translator } from './html.js';

/** Large buttons, one under another: a tap on a cracked screen must not hit the wrong one. */
const STYLE =
  '<style>button{display:block;width:100%;min-height:44px;margin:.5em 0;font:inherit}</style>';

function page(catalogue: Catalogue, title: string, body: string): string {
  const lang = catalogue.code;
  return `<!doctype html>
<html lang="${lang}"${catalogue.rtl ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${STYLE}</head>
<body>${body}
<p><a href="/text?lang=${lang}">${translator(catalogue)('report.back')}</a></p></body></html>`;
}

/**
 * `/text/report?shelter=…`: a shelter's name and one button per reason, in a form that posts
 * without script; a tap is the report. Nothing to type, nothing asked of the person.
 */
export function reportPage(catalogue: Catalogue, shelter: PublicShelter): string {
  const t = translator(catalogue);
  return page(
    catalogue,
    t('report.title'),
    `<h1>${t('report.title')}</h1><p><b>${escapeHtml(shelter.name)}</b></p>
<form method="post" action="/text/report">
<input type="hidden" name="shelterId" value="${escapeHtml(shelter.id)}"><input type="hidden" name="lang" value="${catalogue.code}">
${PROBLEM_REASONS.map(
  (reason) =>
    `<button type="submit" name="reason" value="${reason}">${t(`report.${reason}`)}</button>`,
).join('\n')}
</form>
<p>${t('report.privacy')}</p>`,
  );
}

/** What the form's post answers: the same thanks whether this report was counted or not. */
export function reportThanksPage(catalogue: Catalogue): string {
  const t = translator(catalogue);
  return page(catalogue, t('report.thanks'), `<h1 role="status">${t('report.thanks')}</h1>`);
}
