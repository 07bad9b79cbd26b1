import { prefersHtml } from './not-found-page.js';

describe('prefersHtml', () => {
  it.each([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['text/html', true],
    ['text/*', true],
    ['application/json', false],
    ['application/json, text/html;q=0.5', false],
    ['text/html;q=0.4, application/json;q=0.9', false],
    ['*/*', false],
    ['text/html;q=0', false],
    [undefined, false],
    ['', false],
  ])('%s → %s', (accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });
});
