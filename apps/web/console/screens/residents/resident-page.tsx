import { useQuery } from '@urql/preact';
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useClock, useConsole, useT } from '../../core/context.js';
import { dayAndTime } from '../../core/format.js';
import { type ActError, actError } from '../../graphql/errors.js';
import { graphql } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import { Appointments } from './appointments.js';
import { AsylumTrack } from './asylum-track.js';
import { Confirmed } from './confirm.js';
import { historyWords } from './history-words.js';
import { type Resident, type ResidentPageData, ResidentPageQuery } from './resident-query.js';

const HouseholdQuery = graphql(`
  query ResidentHousehold($id: ID!) {
    household(id: $id) {
      id
      headId
      members {
        id
        name
        birthYear
        minor
        currentShelterId
      }
      membersElsewhere
    }
  }
`);

const ExportResident = graphql(`
  query ExportResident($id: ID!) {
    exportResident(id: $id)
  }
`);

const EraseResident = graphql(`
  mutation EraseResident($id: ID!) {
    eraseResident(id: $id) {
      id
      anonymised
    }
  }
`);

/**
 * One person as the API shows them to this reader: what their role may not see is not asked
 * for or comes back null, and is then simply not there.
 */
export function ResidentPage({ shelterId, residentId }: { shelterId: string; residentId: string }) {
  const t = useT();
  const { session, router } = useConsole();
  const [result, refetch] = useQuery({ query: ResidentPageQuery, variables: { id: residentId } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const data = result.data;
  // Acts belong to the shelter where the person is now (the API's rule): a reader from the
  // shelter they left, or from one expecting them, reads and does not act.
  const role = session.me.value?.memberships.find(
    (each) => each.shelterId === data?.resident.currentShelterId,
  )?.role;
  const coordinator = role === 'COORDINATOR';
  return (
    <section aria-labelledby="resident-title" class="resident">
      <p class="no-print">
        <a href={router.href(`/shelters/${shelterId}/residents`)}>{t('residents.back')}</a>
      </p>
      {!data ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : (
        <>
          <h1 id="resident-title">{data.resident.name ?? t('residents.unnamed')}</h1>
          {data.resident.anonymised && (
            <p class="notice warning" role="status">
              {t('residents.anonymised')}
            </p>
          )}
          <Details resident={data.resident} />
          <Household householdId={data.resident.householdId} self={data.resident.id} />
          <Stays stays={data.residentStays} />
          <AsylumTrack resident={data.resident} mayChange={coordinator} onChanged={refresh} />
          <Appointments
            residentId={data.resident.id}
            appointments={data.residentAppointments}
            mayAdd={!data.resident.anonymised && (coordinator || role === 'VOLUNTEER')}
            onChanged={refresh}
          />
          <History events={data.residentHistory} />
          {coordinator && <Records resident={data.resident} onErased={refresh} />}
        </>
      )}
    </section>
  );
}

function Details({ resident }: { resident: Resident }) {
  const t = useT();
  const { locale } = useConsole().language.value;
  const documents = (['comarFolio', 'passport', 'curp', 'tvrhNumber'] as const).filter(
    (each) => resident.documents[each],
  );
  return (
    <dl class="details">
      {resident.name && (
        <>
          <dt>{t('residents.name')}</dt>
          <dd>{resident.name}</dd>
        </>
      )}
      {resident.birthYear && (
        <>
          <dt>{t('residents.birthYearShort')}</dt>
          <dd>
            {resident.birthYear}
            {resident.minor && ` · ${t('residents.minor')}`}
          </dd>
        </>
      )}
      {resident.unaccompanied && (
        <>
          <dt>{t('residents.unaccompaniedLabel')}</dt>
          <dd>{t('residents.unaccompanied')}</dd>
        </>
      )}
      <dt>{t('residents.nationality')}</dt>
      <dd>{displayName(locale, 'region', resident.nationality)}</dd>
      {resident.languages.length > 0 && (
        <>
          <dt>{t('residents.languages')}</dt>
          <dd>
            {resident.languages.map((code) => displayName(locale, 'language', code)).join(', ')}
          </dd>
        </>
      )}
      {resident.gender && (
        <>
          <dt>{t('residents.gender')}</dt>
          <dd>{resident.gender}</dd>
        </>
      )}
      {resident.phone && (
        <>
          <dt>{t('residents.phone')}</dt>
          <dd>{resident.phone}</dd>
        </>
      )}
      {documents.map((each) => (
        <Fragment key={each}>
          <dt>{t(`residents.document.${each}`)}</dt>
          <dd>{resident.documents[each]}</dd>
        </Fragment>
      ))}
      {/* The flags exactly as the API returns them for this reader's role; none is guessed. */}
      {resident.vulnerabilities.length > 0 && (
        <>
          <dt>{t('residents.vulnerabilities')}</dt>
          <dd>
            <ul class="flags">
              {resident.vulnerabilities.map((flag) => (
                <li key={flag} data-flag={flag}>
                  {t(`residents.flag.${flag}`)}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {resident.notes && (
        <>
          <dt>{t('residents.notes')}</dt>
          <dd>{resident.notes}</dd>
        </>
      )}
    </dl>
  );
}

function Household({ householdId, self }: { householdId: string; self: string }) {
  const t = useT();
  const { router } = useConsole();
  const [result] = useQuery({ query: HouseholdQuery, variables: { id: householdId } });
  const household = result.data?.household;
  const others = household?.members.filter((member) => member.id !== self) ?? [];
  return (
    <section aria-labelledby="household-title">
      <h2 id="household-title">{t('residents.household')}</h2>
      {!household ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : (
        <>
          {others.length === 0 && household.membersElsewhere.length === 0 && (
            <p class="hint">{t('residents.alone')}</p>
          )}
          {others.length > 0 && (
            <ul class="household">
              {others.map((member) => (
                <li key={member.id}>
                  <a
                    href={router.href(
                      `/shelters/${member.currentShelterId}/residents/${member.id}`,
                    )}
                  >
                    {member.name ?? t('residents.unnamed')}
                  </a>
                  {member.birthYear && ` · ${member.birthYear}`}
                  {member.minor && ` · ${t('residents.minor')}`}
                  {member.id === household.headId && ` · ${t('residents.head')}`}
                </li>
              ))}
            </ul>
          )}
          {household.membersElsewhere.length > 0 && (
            <p class="hint">{t('residents.elsewhere', { n: household.membersElsewhere.length })}</p>
          )}
        </>
      )}
    </section>
  );
}

function Stays({ stays }: { stays: ResidentPageData['residentStays'] }) {
  const t = useT();
  const clock = useClock();
  return (
    <section aria-labelledby="stays-title">
      <h2 id="stays-title">{t('residents.stays')}</h2>
      {stays.length === 0 ? (
        <p class="hint">{t('residents.noStays')}</p>
      ) : (
        <ul class="stays">
          {stays.map((stay) => (
            <li key={stay.id}>
              <strong>{stay.shelterName ?? t('residents.protectedShelter')}</strong>
              {stay.roomName && ` · ${stay.roomName}`}
              {stay.bedLabel && ` · ${stay.bedLabel}`}
              <br />
              {stay.to
                ? t('residents.stayRange', {
                    from: dayAndTime(clock, String(stay.from)),
                    to: dayAndTime(clock, String(stay.to)),
                  })
                : t('residents.staySince', { from: dayAndTime(clock, String(stay.from)) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function History({ events }: { events: ResidentPageData['residentHistory'] }) {
  const t = useT();
  const clock = useClock();
  return (
    <section aria-labelledby="history-title" class="history">
      <h2 id="history-title">{t('residents.history')}</h2>
      {events.length === 0 ? (
        <p class="hint">{t('residents.noHistory')}</p>
      ) : (
        <ol class="events">
          {[...events].reverse().map((event, index) => {
            const words = historyWords(t, event);
            return (
              <li key={index} data-kind={event.kind} data-to={event.to}>
                <time dateTime={String(event.at)}>{dayAndTime(clock, String(event.at))}</time>{' '}
                <strong>{words.title}</strong>
                {words.change && <span>: {words.change}</span>}
                {event.override && <span class="tag"> {t('residents.correction')}</span>}
                {event.byName && (
                  <span class="hint by">
                    {' '}
                    · {t('residents.recordedBy', { name: event.byName })}
                  </span>
                )}
                {event.office && <p class="hint">{event.office}</p>}
                {event.reason && <p>{t('residents.reasonSaid', { reason: event.reason })}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** "Haití", "criollo haitiano": a code as the reader's language names it, or the code itself. */
function displayName(locale: string, type: 'region' | 'language', code: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type, fallback: 'none' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** Subject access and erasure: a coordinator's, each behind a step that says what happens. */
function Records({ resident, onErased }: { resident: Resident; onErased(): void }) {
  const t = useT();
  const { client } = useConsole();
  const erase = useAct(EraseResident);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ActError>();
  const [exported, setExported] = useState(false);
  const [erased, setErased] = useState(false);
  const download = async () => {
    setExporting(true);
    setExported(false);
    const answer = await client
      .query(ExportResident, { id: resident.id }, { requestPolicy: 'network-only' })
      .toPromise();
    setExporting(false);
    setExportError(actError(answer.error));
    if (answer.data) {
      // The file is named by the record's id, never by the person.
      const file = new Blob([answer.data.exportResident], { type: 'application/json' });
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = `resident-${resident.id}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setExported(true);
    }
  };
  return (
    <section aria-labelledby="records-title" class="records no-print">
      <h2 id="records-title">{t('residents.records')}</h2>
      <Confirmed
        label={t('residents.export')}
        explanation={t('residents.exportConfirm')}
        yes={t('residents.exportYes')}
        pending={exporting}
        onYes={() => void download()}
      >
        <ErrorText error={exportError} />
        {exported && (
          <p class="notice success" role="status">
            {t('residents.exported')}
          </p>
        )}
      </Confirmed>
      {!resident.anonymised && (
        <Confirmed
          label={t('residents.erase')}
          explanation={t('residents.eraseConfirm')}
          yes={t('residents.eraseYes')}
          pending={erase.state.pending}
          danger
          onYes={() =>
            void erase
              .run(() => ({ id: resident.id }))
              .then((answer) => {
                if (!answer.error) {
                  setErased(true);
                  onErased();
                }
              })
          }
        >
          <ErrorText error={erase.state.error} />
        </Confirmed>
      )}
      {erased && (
        <p class="notice success" role="status">
          {t('residents.erased')}
        </p>
      )}
    </section>
  );
}
