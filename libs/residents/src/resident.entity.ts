import { Population } from '@albergue/shelters';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  AgeBracket,
  AsylumStatus,
  CaseStatus,
  LegalBasis,
  Vulnerability,
  WithdrawalOutcome,
} from './residents.enums.js';

/**
 * One person on record: the least the work needs. Every identifying field is sealed
 * (`*Sealed`, AES-256-GCM with the key id inside, bound to this row and column) and, where it
 * must be found, also kept as a keyed hash (`*Hash`) for exact look-ups. The plain columns are
 * what aggregates and scheduling need: birth year, nationality, languages, group, statuses.
 */
@Entity()
@Index('resident_current_shelter_idx', ['currentShelterId'])
@Index('resident_household_idx', ['householdId'])
@Index('resident_name_hash_idx', ['nameHash'])
@Index('resident_folio_hash_idx', ['folioHash'])
@Index('resident_passport_hash_idx', ['passportHash'])
@Index('resident_curp_hash_idx', ['curpHash'])
@Index('resident_tvrh_hash_idx', ['tvrhHash'])
// Retention picks closed cases by the date they closed.
@Index('resident_case_closed_idx', ['caseClosedAt'], { where: 'anonymised_at IS NULL' })
export class Resident {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Household', { name: 'resident_household_fk' })
  householdId: string;

  /** The member's place in the household as registered: the order staff see. */
  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'resident_current_shelter_fk' })
  currentShelterId: string;

  /** Set when the person moves on; staff there keep access for PREVIOUS_SHELTER_ACCESS. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Shelter', { name: 'resident_previous_shelter_fk', onDelete: 'SET NULL' })
  previousShelterId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  leftPreviousAt: Date | null;

  @Column({ type: 'text', nullable: true })
  nameSealed: string | null;

  /** Keyed hash of the normalised full name with the birth year: look-ups and duplicates. */
  @Column({ type: 'text', nullable: true })
  nameHash: string | null;

  @Column({ type: 'integer', nullable: true })
  birthYear: number | null;

  @Column({ type: 'enum', enum: AgeBracket, enumName: 'age_bracket', nullable: true })
  ageBracket: AgeBracket | null;

  @Column({ type: 'text', nullable: true })
  genderSealed: string | null;

  /** ISO 3166-1 alpha-2; XX when stateless or unknown. */
  @Column({ type: 'text' })
  nationality: string;

  @Column({ type: 'text', array: true, default: '{}' })
  languages: string[];

  @Column({ type: 'enum', enum: Population, enumName: 'population' })
  population: Population;

  @Column({ type: 'text', nullable: true })
  phoneSealed: string | null;

  @Column({ type: 'text', nullable: true })
  notesSealed: string | null;

  @Column({
    type: 'enum',
    enum: Vulnerability,
    enumName: 'vulnerability',
    array: true,
    default: '{}',
  })
  vulnerabilities: Vulnerability[];

  @Column({ type: 'boolean', default: false })
  minor: boolean;

  /** The adult in the household who consents for a child. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Resident', { name: 'resident_guardian_fk', onDelete: 'SET NULL' })
  guardianId: string | null;

  /** A minor without a guardian: flagged for child protection; coordinators only. */
  @Column({ type: 'boolean', default: false })
  unaccompanied: boolean;

  /** The child-protection follow-up (authority notified, when, case number), sealed as JSON. */
  @Column({ type: 'text', nullable: true })
  childProtectionSealed: string | null;

  @Column({ type: 'text', nullable: true })
  folioSealed: string | null;

  @Column({ type: 'text', nullable: true })
  folioHash: string | null;

  @Column({ type: 'text', nullable: true })
  passportSealed: string | null;

  @Column({ type: 'text', nullable: true })
  passportHash: string | null;

  @Column({ type: 'text', nullable: true })
  curpSealed: string | null;

  @Column({ type: 'text', nullable: true })
  curpHash: string | null;

  @Column({ type: 'text', nullable: true })
  tvrhSealed: string | null;

  @Column({ type: 'text', nullable: true })
  tvrhHash: string | null;

  @Column({ type: 'date', nullable: true })
  tvrhIssuedOn: string | null;

  @Column({ type: 'date', nullable: true })
  tvrhExpiresOn: string | null;

  @Column({ type: 'enum', enum: LegalBasis, enumName: 'legal_basis' })
  legalBasis: LegalBasis;

  /** The language the processing was explained in. */
  @Column({ type: 'text' })
  basisLanguage: string;

  @Column({ type: 'uuid' })
  basisRecordedBy: string;

  @Column({ type: 'timestamptz' })
  basisRecordedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  consentWithdrawnAt: Date | null;

  @Column({ type: 'enum', enum: WithdrawalOutcome, enumName: 'withdrawal_outcome', nullable: true })
  withdrawalOutcome: WithdrawalOutcome | null;

  @Column({ type: 'enum', enum: CaseStatus, enumName: 'case_status', default: CaseStatus.OPEN })
  caseStatus: CaseStatus;

  @Column({ type: 'timestamptz', nullable: true })
  caseClosedAt: Date | null;

  @Column({
    type: 'enum',
    enum: AsylumStatus,
    enumName: 'asylum_status',
    default: AsylumStatus.NOT_STARTED,
  })
  asylumStatus: AsylumStatus;

  /** The COMAR office handling the case: free text, sealed. */
  @Column({ type: 'text', nullable: true })
  asylumOfficeSealed: string | null;

  @Column({ type: 'text', nullable: true })
  caseNumberSealed: string | null;

  /** Set when identifying data was removed (retention or erasure); the statistics columns stay. */
  @Column({ type: 'timestamptz', nullable: true })
  anonymisedAt: Date | null;

  @Column({ type: 'uuid' })
  registeredBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
