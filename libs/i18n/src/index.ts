// The door of @albergue/i18n: what other libs and apps use, named one by one; the rest stays inside.
export {
  acceptedLanguages,
  ageText,
  type Catalogue,
  format,
  type MessageKey,
  negotiate,
} from './catalogue.js';
export { loadCatalogues } from './load-catalogues.js';
