import { type Catalogue, type MessageKey, say } from '@albergue/i18n';
import { escapeHtml, translator } from './html.js';
import type { NeedEntry } from './needs.js';

/** Fields a thumb can hit and read; the form works without script, on any phone. */
const STYLE = `<style>
body{font:1rem/1.45 sans-serif;max-width:40rem;margin:0 auto;padding:0 .5rem}
label{display:block;margin:.8rem 0}
input,button{display:block;width:100%;min-height:44px;box-sizing:border-box;font:inherit}
a{display:inline-block;min-height:44px;padding:.6rem .2rem}
</style>`;

function page(catalogue: Catalogue, title: string, body: string): string {
  const lang = catalogue.code;
  return `<!doctype html>
<html lang="${lang}"${catalogue.rtl ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${STYLE}</head>
<body>${body}
<p><a href="/needs?lang=${lang}">${translator(catalogue)('needs.pledge.back')}</a></p></body></html>`;
}

export interface PledgeFormInput {
  catalogue: Catalogue;
  need: NeedEntry;
  /** The shelter as the needs page shows it: its name, or "a shelter in" its borough. */
  shelter: string;
  /** A fresh requestId: the same form sent twice pledges once. */
  requestId: string;
  today: string;
  lastDay: string;
}

/**
 * `/needs/pledge?need=…`: "I can bring this", for any phone. Who (a name or organisation), how to
 * reach them (phone or email), how much (for an item), by which day; said plainly who sees it
 * and when it is erased. Posts to `/needs/pledge` without script.
 */
export function pledgePage(input: PledgeFormInput): string {
  const { catalogue, need } = input;
  const t = translator(catalogue);
  const lang = catalogue.code;
  const what = need.names
    ? escapeHtml(need.names[lang] ?? need.names.es ?? Object.values(need.names)[0] ?? '')
    : t('needs.anyOf', {
        category: say(catalogue, `needs.category.${need.category}` as MessageKey),
      });
  const quantity =
    need.unit === null
      ? ''
      : `<label>${t('needs.pledge.quantity', { unit: need.unit.toLowerCase() })}<input name="quantity" type="number" min="0" step="any" inputmode="decimal"></label>
<input type="hidden" name="unit" value="${escapeHtml(need.unit)}">`;
  return page(
    catalogue,
    t('needs.pledge.title'),
    `<h1>${t('needs.pledge.title')}</h1><p><b>${what}</b><br>${escapeHtml(input.shelter)}</p>
<form method="post" action="/needs/pledge">
<input type="hidden" name="requestId" value="${input.requestId}"><input type="hidden" name="needId" value="${escapeHtml(need.id)}"><input type="hidden" name="lang" value="${lang}">
<label>${t('needs.pledge.name')}<input name="name" required maxlength="100" autocomplete="name"></label>
<label>${t('needs.pledge.phone')}<input name="phone" type="tel" maxlength="24" autocomplete="tel"></label>
<label>${t('needs.pledge.email')}<input name="email" type="email" maxlength="200" autocomplete="email"></label>
${quantity}
<label>${t('needs.pledge.day')}<input name="bringBy" type="date" required min="${input.today}" max="${input.lastDay}" value="${input.today}"></label>
<button type="submit">${t('needs.pledge.send')}</button>
</form>
<p>${t('needs.pledge.privacy')}</p>`,
  );
}

/** What the form's post answers: thanks, or what to fix, in words. */
export function pledgeAnswerPage(catalogue: Catalogue, key: MessageKey): string {
  const t = translator(catalogue);
  return page(catalogue, t(key), `<h1 role="status">${t(key)}</h1>`);
}
