import type { OpeningHours } from '@albergue/contracts';
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
  CapacityStatus,
  ServiceCategory,
  ServiceCost,
  ServiceRequirement,
} from './referrals.enums.js';

/** The statuses a service's staff may report (UNKNOWN is what staleness reads, never stored). */
export type ReportedCapacity = Exclude<CapacityStatus, CapacityStatus.UNKNOWN>;

/**
 * A health service that takes referrals: a clinic, a hospital, a mobile clinic… run by an
 * organisation. Its staff (ServiceMembership, in the auth lib) report its capacity. A sensitive
 * service (care after violence) is never placed on a public surface beyond its area; a service
 * is on the public side at all only when `public`.
 */
@Entity()
@Index('health_service_organisation_idx', ['organisationId'])
export class HealthService {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Organisation', { name: 'health_service_organisation_fk' })
  organisationId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: ServiceCategory, enumName: 'service_category' })
  category: ServiceCategory;

  /** The organisation shows it on the public map's sheet and `/text`. */
  @Column({ type: 'boolean', default: false })
  public: boolean;

  @Column({ type: 'boolean', default: false })
  sensitive: boolean;

  /** Closed for good (kept for the referrals that name it). */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Street and number; null for a mobile clinic that serves an area. */
  @Column({ type: 'text', nullable: true })
  street: string | null;

  /** A borough code of the catalogue in libs/contracts (its area when it has no street). */
  @Column({ type: 'text', nullable: true })
  boroughCode: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'jsonb', nullable: true })
  hours: OpeningHours | null;

  /** BCP 47 codes of the languages spoken there. */
  @Column({ type: 'text', array: true, default: '{}' })
  languages: string[];

  @Column({ type: 'enum', enum: ServiceCost, enumName: 'service_cost', default: ServiceCost.FREE })
  cost: ServiceCost;

  @Column({
    type: 'enum',
    enum: ServiceRequirement,
    enumName: 'service_requirement',
    array: true,
    default: '{}',
  })
  requirements: ServiceRequirement[];

  /** Empty: everyone. */
  @Column({ type: 'enum', enum: Population, enumName: 'population', array: true, default: '{}' })
  populations: Population[];

  /** Null until the staff first report. */
  @Column({
    type: 'enum',
    enum: [CapacityStatus.ACCEPTING, CapacityStatus.WAITLIST, CapacityStatus.NOT_ACCEPTING],
    enumName: 'reported_capacity',
    nullable: true,
  })
  capacityStatus: ReportedCapacity | null;

  /** With WAITLIST: the typical wait, in days. */
  @Column({ type: 'integer', nullable: true })
  waitDays: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  capacityReportedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  capacityReportedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
