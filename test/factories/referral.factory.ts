import { randomUUID } from 'node:crypto';
import { Vault } from '@albergue/vault';
import { adminOf, type TestApp } from '../helpers/test-app.js';
import { createOrganisation } from './shelter.factory.js';

/**
 * Health services and referrals as rows, the way the referrals lib writes them: for specs of
 * what reads referrals (figures, the FHIR export, the overdue notifier) without going through the
 * whole loop first. Specs of the loop itself make referrals through the API.
 */

export interface HealthServiceRow {
  organisationId?: string;
  name?: string;
  category?: string;
  public?: boolean;
  sensitive?: boolean;
  capacityStatus?: 'accepting' | 'waitlist' | 'not_accepting' | null;
  capacityReportedAt?: Date | null;
  languages?: string[];
  boroughCode?: string | null;
  lat?: number | null;
  lng?: number | null;
}

/** A health service (of a new organisation unless one is given); returns its id. */
export async function healthServiceRow(app: TestApp, row: HealthServiceRow = {}): Promise<string> {
  const id = randomUUID();
  const organisationId = row.organisationId ?? (await createOrganisation(await adminOf(app)));
  await app.sql(
    `INSERT INTO health_service (id, organisation_id, name, category, public, sensitive,
                                 capacity_status, capacity_reported_at, languages, borough_code, lat, lng)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      id,
      organisationId,
      row.name ?? `Clínica ${id.slice(0, 6)}`,
      row.category ?? 'clinic',
      row.public ?? false,
      row.sensitive ?? false,
      row.capacityStatus === undefined ? 'accepting' : row.capacityStatus,
      row.capacityReportedAt === undefined ? new Date() : row.capacityReportedAt,
      row.languages ?? ['es'],
      row.boroughCode ?? 'cdmx-cuauhtemoc',
      row.lat ?? 19.43,
      row.lng ?? -99.14,
    ],
  );
  return id;
}

export interface ReferralRow {
  shelterId: string;
  serviceId: string;
  createdBy: string;
  residentId?: string | null;
  alias?: string;
  reason?: string;
  category?: string;
  urgency?: 'emergency' | 'urgent' | 'routine';
  state?: string;
  population?: string | null;
  ageBracket?: string | null;
  sentAt?: Date | null;
  answerDueAt?: Date | null;
  answeredAt?: Date | null;
  scheduledFor?: Date | null;
  completedAt?: Date | null;
  outcome?: string | null;
  notCompletedReason?: string | null;
  needsEscort?: boolean;
  createdAt?: Date;
}

/** A referral in any state, its alias and reason sealed as the lib seals them; returns its id. */
export async function referralRow(app: TestApp, row: ReferralRow): Promise<string> {
  const id = randomUUID();
  const vault = app.app.get(Vault);
  const createdAt = row.createdAt ?? new Date();
  await app.sql(
    `INSERT INTO referral (id, resident_id, alias_sealed, age_bracket, population, from_shelter_id,
                           shelter_id, service_id, category, urgency, state, reason_sealed,
                           basis, basis_by, consent_language, sent_at, answer_due_at, answered_at,
                           scheduled_for, completed_at, outcome, not_completed_reason,
                           needs_escort, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, 'consent', $12, 'es', $13, $14, $15,
             $16, $17, $18, $19, $20, $12, $21)`,
    [
      id,
      row.residentId ?? null,
      vault.seal('referral.alias', id, row.alias ?? 'Ana'),
      row.ageBracket === undefined ? '30-59' : row.ageBracket,
      row.population === undefined ? 'women' : row.population,
      row.shelterId,
      row.serviceId,
      row.category ?? 'acute_illness',
      row.urgency ?? 'routine',
      row.state ?? 'sent',
      vault.seal('referral.reason', id, row.reason ?? 'fiebre de tres días'),
      row.createdBy,
      row.sentAt === undefined ? createdAt : row.sentAt,
      row.answerDueAt ?? null,
      row.answeredAt ?? null,
      row.scheduledFor ?? null,
      row.completedAt ?? null,
      row.outcome ?? null,
      row.notCompletedReason ?? null,
      row.needsEscort ?? false,
      createdAt,
    ],
  );
  return id;
}
