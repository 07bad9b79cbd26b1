// The door of @albergue/i18n: what other libs and apps use, named one by one; the rest stays inside.
// Dependency-free (no Node, no npm): the browser imports it through its alias as the server does.
export {
  acceptedLanguages,
  ageText,
  type Catalogue,
  type ConsoleCatalogue,
  type ConsoleKey,
  type MessageKey,
  negotiate,
} from './catalogue.js';
export {
  type HealthServiceFacts,
  healthServiceText,
  serviceCategoryName,
} from './health-services.js';
export { type Hours, hoursText } from './hours.js';
export {
  LANGUAGES,
  loadCatalogue,
  loadCatalogues,
  loadConsoleCatalogue,
  loadConsoleCatalogues,
} from './languages.js';
export { clockTime, languageName, localeOf, say } from './locale.js';
export { format, type Params } from './message.js';
