import { type ConsoleKey, LANGUAGES } from '@albergue/i18n';
import { ApiErrorCode } from '@albergue/contracts';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { type ActState, useAct } from '../../core/act.js';
import { useT } from '../../core/context.js';
import type { ActError } from '../../graphql/errors.js';
import type { VariablesOf } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import { clicked, submitted } from '../../ui/handlers.js';
import { ConsentStep } from '../refer/consent-step.js';
import { freshDraft, type ReferDraft, sends, slipLanguage } from '../refer/refer-rules.js';
import { Confirmed } from '../residents/confirm.js';
import { NOT_COMPLETED, OUTCOMES, OVERRIDES, referralWord } from '../referral-words.js';
import {
  CancelReferral,
  CloseReferral,
  CloseReferralMovedOn,
  type FullReferral,
  OverrideReferral,
  SendReferral,
} from './referral-documents.js';
import {
  mayCancel,
  mayClose,
  mayCloseMovedOn,
  OwnActs,
  producedVersion,
} from './referral-state.js';

type SendInput = VariablesOf<typeof SendReferral>['input'];
type OverrideInput = VariablesOf<typeof OverrideReferral>['input'];
type CapacityOverride = NonNullable<SendInput['capacityOverride']>;
type Target = OverrideInput['toState'];
type Outcome = NonNullable<OverrideInput['outcome']>;
type NotCompleted = NonNullable<OverrideInput['notCompletedReason']>;

/** The API's finer refusals of the loop, each said in words (the rest: ErrorText). */
const REFUSALS: Record<string, ConsoleKey> = {
  STALE_REFERRAL: 'follow.refused.stale',
  TRANSITION_NOT_ALLOWED: 'follow.refused.transition',
  CONSENT_REQUIRED: 'follow.refused.consent',
  CAPACITY_OVERRIDE_REQUIRED: 'follow.refused.capacity',
  REASON_REQUIRED: 'follow.refused.missing',
  OUTCOME_REQUIRED: 'follow.refused.missing',
  SUBJECT_ERASED: 'follow.refused.erased',
};

/**
 * A refusal of one of the referrer's acts, in words: someone else moved the referral meanwhile
 * (the page is read again, the words say to look), the loop does not allow it, something is
 * missing. The API's own message (it names the field) follows a BAD_USER_INPUT.
 */
function Refusal({ error }: { error: ActError | undefined }) {
  const t = useT();
  if (!error) {
    return null;
  }
  const key = error.reason ? REFUSALS[error.reason] : undefined;
  if (!key) {
    return <ErrorText error={error} />;
  }
  return (
    <div class="notice error refusal" role="alert" data-reason={error.reason}>
      <p>{t(key)}</p>
      {error.code === ApiErrorCode.BAD_USER_INPUT && <p class="hint">{error.message}</p>}
    </div>
  );
}

/** What an act tells the page when it is over: nothing wrong, or a CONFLICT to say above the acts. */
type Settled = (conflict?: ActError) => void;

/**
 * After an act: the page is read again; a CONFLICT too (it shows what is on record now, and the
 * refusal is said above the acts, where it stays when the act's own form goes with the state).
 */
function settled<Data>(state: ActState<Data>, onDone: Settled): void {
  if (!state.error) {
    onDone();
  } else if (state.error.code === ApiErrorCode.CONFLICT) {
    onDone(state.error);
  }
}

/** An act's own refusal, said beside it: not a CONFLICT, which the acts' section says. */
function inline(error: ActError | undefined): ActError | undefined {
  return error?.code === ApiErrorCode.CONFLICT ? undefined : error;
}

function TextArea({
  label,
  name,
  value,
  onValue,
  maxLength = 1000,
}: {
  label: string;
  name: string;
  value: string;
  onValue(value: string): void;
  maxLength?: number;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        required
        maxLength={maxLength}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </div>
  );
}

function Choice<V extends string>({
  label,
  name,
  value,
  options,
  words,
  onValue,
  optional = false,
}: {
  label: string;
  name: string;
  value: NoInfer<V> | '';
  /** The choices: what the others' types are read from. */
  options: readonly V[];
  words(value: NoInfer<V>): string;
  onValue(value: NoInfer<V> | ''): void;
  optional?: boolean;
}) {
  const id = useId();
  const t = useT();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        name={name}
        required={!optional}
        value={value}
        onChange={(event) => onValue(event.currentTarget.value as V | '')}
      >
        <option value="">{optional ? t('follow.none.choice') : '—'}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {words(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What a panel tells the acts' section: it opened, or someone else's change closed it. */
interface PanelNews {
  opened(): void;
  changed(): void;
}

/**
 * One act's panel (a form, a confirmation), opened at the version the page showed then. The act
 * sends that version, so a change the page has not heard of yet is refused as stale; and when
 * the referral's version moves while the panel is open (someone else acted, heard live), the
 * panel closes and the acts' section says so in words, rather than send what was chosen before
 * the change. The page's own acts are not someone else's change (`own`, shared by every panel of
 * the page): while one runs the version may move (its own notice); once answered, the version it
 * produced is the page's own doing. Another panel open meanwhile then stays open at that version,
 * and one whose act goes with the new state goes without a word.
 */
export function usePanel(version: number, news: PanelNews, own: OwnActs, openAtStart = false) {
  const [opened, setOpened] = useState<number | null>(openAtStart ? version : null);
  const live = useRef({ opened, news });
  live.current = { opened, news };
  useEffect(() => {
    if (opened !== null && version !== opened) {
      if (own.explains(version)) {
        setOpened(version);
      } else {
        setOpened(null);
        news.changed();
      }
    }
  }, [version, opened]);
  // Its act gone with the state someone else moved the referral to: said too.
  useEffect(
    () => () => {
      if (live.current.opened !== null && !own.explains(own.shown)) {
        live.current.news.changed();
      }
    },
    [],
  );
  return {
    open: opened !== null,
    show() {
      news.opened();
      setOpened(version);
    },
    hide() {
      setOpened(null);
    },
    /** Runs the act with the version the panel opened at; closes it once answered. */
    async act<Data>(run: (version: number) => Promise<ActState<Data>>): Promise<ActState<Data>> {
      const at = live.current.opened ?? version;
      own.started();
      let produced: number | undefined;
      try {
        const done = await run(at);
        if (!done.error) {
          produced = producedVersion(done.data);
        }
        if (!done.error || done.error.code === ApiErrorCode.CONFLICT) {
          live.current.opened = null;
          setOpened(null);
        }
        return done;
      } finally {
        own.answered(produced);
      }
    },
  };
}

/**
 * The referrer's acts on a referral, each as the API allows it from its state (the API still
 * refuses anything else, and the refusal is said in words): send a draft with its consent, cancel
 * with a reason, close once there is an outcome, close as "moved on", and override the loop to
 * one of the targets the API names (`overrideTargets`), with a reason.
 */
export function ReferrerActs({ referral, onDone }: { referral: FullReferral; onDone(): void }) {
  const t = useT();
  const [conflict, setConflict] = useState<ActError>();
  const [changed, setChanged] = useState(false);
  // This page's own acts, shared by its panels; read by a panel as the version moves under it.
  const [own] = useState(() => new OwnActs());
  own.shown = referral.version;
  const state = referral.state;
  const targets = referral.overrideTargets ?? [];
  const done: Settled = (error) => {
    setConflict(error);
    onDone();
  };
  const news: PanelNews = {
    opened: () => {
      setChanged(false);
      setConflict(undefined);
    },
    changed: () => setChanged(true),
  };
  const props = { referral, onDone: done, news, own };
  return (
    <section aria-labelledby="referral-acts" class="referral-acts no-print">
      <h2 id="referral-acts">{t('follow.acts')}</h2>
      <Refusal error={conflict} />
      {changed && (
        <p class="notice warning changed-meanwhile" role="alert">
          {t('followFix.changed')}
        </p>
      )}
      {state === 'DRAFT' && <SendDraft {...props} />}
      {mayClose(state) && <Close {...props} kind="close" />}
      {mayCancel(state) && <Cancel {...props} />}
      {mayCloseMovedOn(state) && <Close {...props} kind="moved-on" />}
      {targets.length > 0 && <Override {...props} targets={targets} />}
    </section>
  );
}

interface ActProps {
  referral: FullReferral;
  onDone: Settled;
  news: PanelNews;
  own: OwnActs;
}

/**
 * Sends a draft once the person consents: the same consent step as when referring (who explains
 * it, in which language, the words to read out in it, what is shared with whom, and that refusing
 * never affects their bed); "not now" keeps it a draft; vital interest for an emergency.
 */
function SendDraft({ referral, onDone, news, own }: ActProps) {
  const t = useT();
  const send = useAct(SendReferral);
  const panel = usePanel(referral.version, news, own, true);
  const [draft, setDraft] = useState<ReferDraft>(() => ({
    ...freshDraft(slipLanguage(referral.languages, LANGUAGES)),
    urgency: referral.urgency ?? undefined,
  }));
  const [capacity, setCapacity] = useState<CapacityOverride | ''>('');
  const capacityAsked =
    send.state.error?.reason === 'CAPACITY_OVERRIDE_REQUIRED' || capacity !== '';
  const run = async () => {
    if (!sends(draft)) {
      return;
    }
    const done = await panel.act((version) =>
      send.run((requestId) => ({
        input: {
          requestId,
          referralId: referral.id,
          version,
          consent:
            draft.consent === 'GIVEN'
              ? { basis: 'CONSENT' as const, language: draft.consentLanguage, shares: draft.shares }
              : { basis: 'VITAL_INTEREST' as const },
          capacityOverride: capacity || undefined,
        },
      })),
    );
    settled(done, onDone);
  };
  if (!panel.open) {
    return (
      <div class="act">
        <button type="button" class="open-send" onClick={panel.show}>
          {t('followFix.send.open')}
        </button>
      </div>
    );
  }
  return (
    <form class="act send-draft" onSubmit={submitted(run)}>
      <h3>{t('follow.send.title')}</h3>
      <p class="hint">{t('follow.send.explain')}</p>
      <ConsentStep
        draft={draft}
        preferred={slipLanguage(referral.languages, LANGUAGES)}
        onChange={(change) => setDraft((current) => ({ ...current, ...change }))}
      />
      {capacityAsked && (
        <Choice
          label={t('follow.capacityOverride')}
          name="capacityOverride"
          value={capacity}
          options={OVERRIDES}
          words={(value) => t(referralWord('override', value))}
          onValue={setCapacity}
        />
      )}
      <Refusal error={inline(send.state.error)} />
      <button type="submit" class="primary send" disabled={send.state.pending || !sends(draft)}>
        {send.state.pending ? t('common.working') : t('follow.send.submit')}
      </button>
    </form>
  );
}

function Cancel({ referral, onDone, news, own }: ActProps) {
  const t = useT();
  const cancel = useAct(CancelReferral);
  const panel = usePanel(referral.version, news, own);
  const [reason, setReason] = useState('');
  const run = async () => {
    const done = await panel.act((version) =>
      cancel.run((requestId) => ({
        input: {
          requestId,
          referralId: referral.id,
          version,
          reason: reason.trim(),
        },
      })),
    );
    settled(done, onDone);
  };
  if (!panel.open) {
    return (
      <div class="act">
        <button type="button" class="cancel-referral" onClick={panel.show}>
          {t('follow.cancel.open')}
        </button>
      </div>
    );
  }
  return (
    <form class="act cancel" onSubmit={submitted(run)}>
      <h3>{t('follow.cancel.title')}</h3>
      <TextArea
        label={t('follow.cancel.reason')}
        name="reason"
        value={reason}
        onValue={setReason}
      />
      <Refusal error={inline(cancel.state.error)} />
      <div class="actions">
        <button
          type="submit"
          class="danger confirm-cancel"
          disabled={cancel.state.pending || reason.trim() === ''}
        >
          {cancel.state.pending ? t('common.working') : t('follow.cancel.submit')}
        </button>
        <button type="button" onClick={panel.hide}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The two closes the referring shelter makes behind a confirmation, with their words. */
const CLOSES = {
  close: {
    document: CloseReferral,
    words: ['follow.close.open', 'follow.close.explain', 'follow.close.submit'],
  },
  'moved-on': {
    document: CloseReferralMovedOn,
    words: ['follow.movedOn.open', 'follow.movedOn.explain', 'follow.movedOn.submit'],
  },
} as const;

/** Closes the referral ("close", or "moved on") once confirmed. */
function Close({ referral, onDone, news, own, kind }: ActProps & { kind: keyof typeof CLOSES }) {
  const t = useT();
  const { document, words } = CLOSES[kind];
  const close = useAct<unknown, VariablesOf<typeof CloseReferral>>(document);
  const panel = usePanel(referral.version, news, own);
  const run = async () => {
    const done = await panel.act((version) =>
      close.run((requestId) => ({
        input: { requestId, referralId: referral.id, version },
      })),
    );
    settled(done, onDone);
  };
  const [label, explanation, yes] = words;
  return (
    <div class={`act ${kind}`}>
      <Confirmed
        open={panel.open}
        onOpen={(open) => (open ? panel.show() : panel.hide())}
        label={t(label)}
        explanation={t(explanation)}
        yes={t(yes)}
        pending={close.state.pending}
        onYes={clicked(run)}
      />
      <Refusal error={inline(close.state.error)} />
    </div>
  );
}

function Override({ referral, targets, onDone, news, own }: ActProps & { targets: Target[] }) {
  const t = useT();
  const override = useAct(OverrideReferral);
  const panel = usePanel(referral.version, news, own);
  const [toState, setToState] = useState<Target | ''>('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [notCompleted, setNotCompleted] = useState<NotCompleted | ''>('');
  const [capacity, setCapacity] = useState<CapacityOverride | ''>('');
  const ready =
    toState !== '' &&
    reason.trim() !== '' &&
    (toState !== 'COMPLETED' || outcome !== '') &&
    (toState !== 'NOT_COMPLETED' || notCompleted !== '');
  const run = async () => {
    if (toState === '') {
      return;
    }
    const done = await panel.act((version) =>
      override.run((requestId) => ({
        input: {
          requestId,
          referralId: referral.id,
          version,
          toState,
          reason: reason.trim(),
          outcome: toState === 'COMPLETED' && outcome ? outcome : undefined,
          notCompletedReason:
            toState === 'NOT_COMPLETED' && notCompleted ? notCompleted : undefined,
          capacityOverride: toState === 'SENT' && capacity ? capacity : undefined,
        },
      })),
    );
    settled(done, onDone);
  };
  return (
    <details
      class="act override"
      open={panel.open}
      onToggle={(event) => {
        const open = event.currentTarget.open;
        if (open !== panel.open) {
          if (open) {
            panel.show();
          } else {
            panel.hide();
          }
        }
      }}
    >
      <summary>{t('follow.override.open')}</summary>
      <form onSubmit={submitted(run)}>
        <p class="hint">{t('follow.override.explain')}</p>
        <Choice
          label={t('follow.override.to')}
          name="toState"
          value={toState}
          options={targets}
          words={(value) => t(referralWord('state', value))}
          onValue={setToState}
        />
        {toState === 'COMPLETED' && (
          <Choice
            label={t('follow.outcome')}
            name="outcome"
            value={outcome}
            options={OUTCOMES}
            words={(value) => t(referralWord('outcome', value))}
            onValue={setOutcome}
          />
        )}
        {toState === 'NOT_COMPLETED' && (
          <Choice
            label={t('follow.override.notCompleted')}
            name="notCompletedReason"
            value={notCompleted}
            options={NOT_COMPLETED}
            words={(value) => t(referralWord('notCompleted', value))}
            onValue={setNotCompleted}
          />
        )}
        {toState === 'SENT' && (
          <Choice
            label={t('follow.capacityOverride')}
            name="capacityOverride"
            value={capacity}
            options={OVERRIDES}
            words={(value) => t(referralWord('override', value))}
            onValue={setCapacity}
            optional
          />
        )}
        <TextArea
          label={t('follow.override.reason')}
          name="reason"
          value={reason}
          onValue={setReason}
        />
        <Refusal error={inline(override.state.error)} />
        <button type="submit" class="primary" disabled={!ready || override.state.pending}>
          {override.state.pending ? t('common.working') : t('follow.override.submit')}
        </button>
      </form>
    </details>
  );
}
