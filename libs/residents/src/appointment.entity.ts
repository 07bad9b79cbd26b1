import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { AppointmentKind, AppointmentOutcome } from './residents.enums.js';

/** A date the person must keep: COMAR, INM (TVRH), CBP One, a court, a consulate. */
@Entity()
@Index('appointment_resident_idx', ['residentId'])
@Index('appointment_starts_idx', ['startsAt'])
export class Appointment {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Resident', { name: 'appointment_resident_fk', onDelete: 'CASCADE' })
  residentId: string;

  @Column({ type: 'enum', enum: AppointmentKind, enumName: 'appointment_kind' })
  kind: AppointmentKind;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  /** Where: free text (an office, a note that may name someone), sealed; null once anonymised. */
  @Column({ type: 'text', nullable: true })
  placeSealed: string | null;

  @Column({
    type: 'enum',
    enum: AppointmentOutcome,
    enumName: 'appointment_outcome',
    default: AppointmentOutcome.PENDING,
  })
  outcome: AppointmentOutcome;

  @Column({ type: 'text', nullable: true })
  notesSealed: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
