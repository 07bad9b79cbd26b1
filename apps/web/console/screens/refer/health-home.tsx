import { useQuery } from '@urql/preact';
import { useConsole, useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { languageName } from '../../core/format.js';
import { ReferralSubjects, type Subject } from './refer-documents.js';

/**
 * The health worker's side of a shelter: the people staying here whom they may refer (alias, age
 * bracket, languages, group: what a referral copies, nothing of the record), each with "Refer",
 * and a referral for someone not registered here (a field visit).
 */
export function HealthHome({ shelterId }: { shelterId: string }) {
  const t = useT();
  const { router } = useConsole();
  const [result] = useQuery({ query: ReferralSubjects, variables: { shelterId } });
  const subjects = result.data?.referralSubjects;
  return (
    <section aria-labelledby="health-title" class="refer-home">
      <h1 id="health-title">{t('refer.home.title')}</h1>
      <p class="hint">{t('refer.home.intro')}</p>
      <p>
        <a
          class="button refer-unregistered"
          href={router.href(`/shelters/${shelterId}/health/refer`)}
        >
          {t('refer.home.unregistered')}
        </a>
      </p>
      <h2>{t('refer.home.people')}</h2>
      {!subjects ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : subjects.length === 0 ? (
        <p role="status">{t('refer.home.none')}</p>
      ) : (
        <ul class="refer-subjects">
          {subjects.map((subject) => (
            <SubjectLine key={subject.id} subject={subject} shelterId={shelterId} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SubjectLine({ subject, shelterId }: { subject: Subject; shelterId: string }) {
  const t = useT();
  const { router } = useConsole();
  const name = subject.alias ?? t('refer.unnamed');
  return (
    <li class="refer-subject" data-resident={subject.id}>
      <p class="who">
        <strong>{name}</strong>
      </p>
      <SubjectFacts subject={subject} />
      <a
        class="button primary"
        href={router.href(`/shelters/${shelterId}/health/refer/${subject.id}`)}
        aria-label={t('refer.home.referWho', { name })}
      >
        {t('refer.home.refer')}
      </a>
    </li>
  );
}

/** Age bracket, group and languages in words: what the referral will copy of the person. */
export function SubjectFacts({
  subject,
}: {
  subject: Pick<Subject, 'ageBracket' | 'languages' | 'population'>;
}) {
  const t = useT();
  const { locale } = useConsole().language.value;
  return (
    <p class="facts">
      {[
        subject.ageBracket ? t(`referral.age.${subject.ageBracket}`) : t('referral.age.unknown'),
        t(`group.${subject.population}`),
        subject.languages.length > 0
          ? subject.languages.map((code) => languageName(locale, code)).join(', ')
          : t('refer.languages.none'),
      ].join(' · ')}
    </p>
  );
}
