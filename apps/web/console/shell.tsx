import { LANGUAGES } from '@albergue/i18n';
import type { ComponentChildren } from 'preact';
import { useConsole, useT } from './core/context.js';
import { nameInItself } from './core/format.js';
import { match } from './core/router.js';
import { NETWORK_SECTIONS, SERVICE_SECTIONS, SHELTER_SECTIONS } from './core/sections.js';
import { HoldNotices } from './screens/holds/hold-notices.js';
import { PendingActs, PendingCount } from './screens/offline/pending-acts.js';
import { SignOut } from './screens/offline/sign-out.js';

/** The frame of every signed-in screen: who and where I am, the sections, the connection. */
export function Shell({ children }: { children: ComponentChildren }) {
  const t = useT();
  const { session, router, live } = useConsole();
  const me = session.me.value!;
  const path = router.path.value;
  const here = match('/shelters/:shelterId', path) ?? matchSection(path);
  const shelterId = here?.shelterId;
  const membership = me.memberships.find((each) => each.shelterId === shelterId);
  const below = shelterId ? path.slice(`/shelters/${shelterId}`.length) : '';
  // The section a screen belongs to (a resident's page is in Residents): what the nav marks, and
  // what the switcher keeps when it moves to another shelter (not the person, who is not there).
  const sectionPath =
    SHELTER_SECTIONS.find(
      (section) =>
        section.path !== '' && (below === section.path || below.startsWith(`${section.path}/`)),
    )?.path ?? '';
  const connection = live.value?.connection.value ?? 'reconnecting';
  return (
    <>
      <a class="skip" href="#content">
        {t('app.skip')}
      </a>
      <header class="top">
        <a class="home" href={router.href('/')}>
          {t('nav.shelters')}
        </a>
        <p class={`connection connection-${connection}`} role="status">
          <span aria-hidden="true" class="dot" />
          {t(`connection.${connection}`)}
        </p>
        <PendingCount />
        <LanguagePicker />
      </header>
      <HoldNotices />
      <PendingActs />
      <NetworkNav />
      <ServiceNav />
      {membership && (
        <nav class="sections" aria-label={t('nav.label')}>
          {me.memberships.length > 1 && (
            <label class="switcher">
              <span>{t('shelters.switch')}</span>
              <select
                value={membership.shelterId}
                onChange={(event) =>
                  router.navigate(`/shelters/${event.currentTarget.value}${sectionPath}`)
                }
              >
                {me.memberships.map((each) => (
                  <option key={each.shelterId} value={each.shelterId}>
                    {each.shelterName}
                  </option>
                ))}
              </select>
            </label>
          )}
          <ul>
            {SHELTER_SECTIONS.filter((section) => section.roles.includes(membership.role)).map(
              (section) => {
                const href = router.href(`/shelters/${membership.shelterId}${section.path}`);
                return (
                  <li key={section.path}>
                    <a href={href} aria-current={sectionPath === section.path ? 'page' : undefined}>
                      {t(section.label)}
                    </a>
                  </li>
                );
              },
            )}
          </ul>
        </nav>
      )}
      <main id="content" tabIndex={-1}>
        {children}
      </main>
      <footer class="bottom">
        <a href={router.href('/account')}>{t('nav.account')}</a>
        <SignOut />
      </footer>
    </>
  );
}

/** The network's sections, for a network coordinator or admin, on every screen. */
function NetworkNav() {
  const t = useT();
  const { session, router } = useConsole();
  const role = session.me.value?.networkRole;
  const sections = NETWORK_SECTIONS.filter((section) => role && section.roles.includes(role));
  if (sections.length === 0) {
    return null;
  }
  const path = router.path.value;
  return (
    <nav class="sections network" aria-label={t('nav.network')}>
      <ul>
        {sections.map((section) => (
          <li key={section.path}>
            <a
              href={router.href(section.path)}
              aria-current={
                path === section.path || path.startsWith(`${section.path}/`) ? 'page' : undefined
              }
            >
              {t(section.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A health service's sections (issue 20), for its staff: on the service's own screens, and on
 * every screen for someone who staffs one service only (their home is its inbox).
 */
function ServiceNav() {
  const t = useT();
  const { session, router } = useConsole();
  const serviceIds = session.me.value?.serviceIds ?? [];
  const path = router.path.value;
  // The service this screen is of (its section), if any.
  const here = SERVICE_SECTIONS.map((section) => ({
    section,
    params: match(`/services/:serviceId${section.path}`, path),
  })).find((each) => each.params);
  const shown = here?.params?.serviceId;
  const serviceId =
    shown && serviceIds.includes(shown)
      ? shown
      : serviceIds.length === 1
        ? serviceIds[0]
        : undefined;
  if (!serviceId) {
    return null;
  }
  const current = shown === serviceId ? here?.section.path : undefined;
  return (
    <nav class="sections service" aria-label={t('inbox.serviceNav')}>
      <ul>
        {SERVICE_SECTIONS.map((section) => (
          <li key={section.path}>
            <a
              href={router.href(`/services/${serviceId}${section.path}`)}
              aria-current={current === section.path ? 'page' : undefined}
            >
              {t(section.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function matchSection(path: string): Record<string, string> | null {
  const found = /^\/shelters\/([^/]+)\//.exec(path);
  return found ? { shelterId: decodeURIComponent(found[1]) } : null;
}

export function LanguagePicker() {
  const t = useT();
  const { language, setLanguage } = useConsole();
  return (
    <label class="language">
      <span class="sr-only">{t('app.language')}</span>
      <select
        value={language.value.code}
        onChange={(event) => void setLanguage(event.currentTarget.value)}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {nameInItself(code)}
          </option>
        ))}
      </select>
    </label>
  );
}
