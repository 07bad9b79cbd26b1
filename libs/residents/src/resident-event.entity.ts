import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum ResidentEventKind {
  CASE = 'case',
  ASYLUM = 'asylum',
  CONSENT = 'consent',
  /**
   * A transfer that parted a guardian and a minor on purpose (an override): from and to are the
   * shelters, the reason is sealed.
   */
  SEPARATION = 'separation',
}

/** The dated history of a resident's case, asylum track and legal basis: who changed what, when and why. */
@Entity()
@Index('resident_event_resident_idx', ['residentId', 'at'])
export class ResidentEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Resident', { name: 'resident_event_resident_fk', onDelete: 'CASCADE' })
  residentId: string;

  @Column({ type: 'enum', enum: ResidentEventKind, enumName: 'resident_event_kind' })
  kind: ResidentEventKind;

  @Column({ type: 'text', nullable: true })
  fromValue: string | null;

  @Column({ type: 'text' })
  toValue: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'uuid' })
  byUserId: string;

  /** A transition the track does not allow, made on purpose. */
  @Column({ type: 'boolean', default: false })
  override: boolean;

  /** Why, in the staff's words: sealed like every free text. */
  @Column({ type: 'text', nullable: true })
  reasonSealed: string | null;

  /** The office the step happened at: free text, sealed like the reason. */
  @Column({ type: 'text', nullable: true })
  officeSealed: string | null;
}
