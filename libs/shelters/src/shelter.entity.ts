import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from './organisation.entity.js';
import type { ShelterCapacity } from './shelter-capacity.entity.js';
import { Availability } from './availability.types.js';
import {
  OpeningHours,
  PublicLocation,
  ShelterAddress,
  ShelterContact,
  ShelterEligibility,
} from './shelter-parts.js';
import { Population, ShelterService, ShelterStatus, TrackingMode } from './shelters.enums.js';

const bigintAsNumber = { to: (value: number) => value, from: (value: string) => Number(value) };

/**
 * A shelter site. The entity is also the public GraphQL type: columns without @Field (the exact
 * point of a sensitive shelter, bookkeeping) stay out of the schema; `location`, `availability`
 * and `organisation` are resolved fields.
 */
@ObjectType()
@Entity()
@Index('shelter_organisation_idx', ['organisationId'])
// The nearest-shelter search's GiST index on ll_to_earth(public_lat, public_lng)
// (CreateShelterDirectory): TypeORM can neither express nor read back an expression index, so it
// is named here and left to migrations.
@Index('shelter_public_point_idx', { synchronize: false })
export class Shelter {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => ShelterStatus)
  @Column({
    type: 'enum',
    enum: ShelterStatus,
    enumName: 'shelter_status',
    default: ShelterStatus.OPEN,
  })
  status: ShelterStatus;

  @Field(() => Boolean, {
    description: 'A refuge whose exact place is never public: the map shows an area and a contact.',
  })
  @Column({ type: 'boolean', default: false })
  sensitive: boolean;

  /** The door. Never public for a sensitive shelter. */
  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;

  /**
   * What every public computation uses: the door itself, or for a sensitive shelter a point
   * drawn once and stored, so that repeated queries cannot be averaged back to the door.
   */
  @Column({ type: 'double precision' })
  publicLat: number;

  @Column({ type: 'double precision' })
  publicLng: number;

  /** The whole address, for staff and the exact point; GraphQL serves `publicAddress` under this name. */
  @Column(() => ShelterAddress)
  address: ShelterAddress;

  @Field(() => ShelterContact)
  @Column(() => ShelterContact)
  contact: ShelterContact;

  @Field(() => [Population])
  @Column({ type: 'enum', enum: Population, enumName: 'population', array: true, default: '{}' })
  populations: Population[];

  @Field(() => [ShelterService])
  @Column({
    type: 'enum',
    enum: ShelterService,
    enumName: 'shelter_service',
    array: true,
    default: '{}',
  })
  services: ShelterService[];

  /** ISO 639 codes of languages the staff speak. */
  @Field(() => [String])
  @Column({ type: 'text', array: true, default: '{}' })
  languages: string[];

  @Field(() => ShelterEligibility)
  @Column(() => ShelterEligibility)
  eligibility: ShelterEligibility;

  /** When a person can come, as data; null: not stated. */
  @Field(() => OpeningHours, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  hours: OpeningHours | null;

  /** A note on the hours in the shelter's own words; the hours themselves are `hours`. */
  @Field(() => String, {
    nullable: true,
    description:
      'A note on the hours in the shelter’s own words, shown as written, untranslated: what `hours` cannot say. Hours written here before `hours` existed and that did not read as hours stay here.',
  })
  @Column({ type: 'text', nullable: true })
  openingHours: string | null;

  @Field(() => TrackingMode)
  @Column({
    type: 'enum',
    enum: TrackingMode,
    enumName: 'tracking_mode',
    default: TrackingMode.COUNTS,
  })
  trackingMode: TrackingMode;

  /**
   * When the shelter went over to beds mode (null while it reports counts): its daily figures
   * come from beds and stays from then on, from its counts history before.
   */
  @Column({ type: 'timestamptz', nullable: true })
  bedsModeSince: Date | null;

  /** Goes up by one with every change the public can see; the realtime layer reads changes by it. */
  @Field(() => Int, {
    description: 'Goes up with every public change: clients catch up with shelterChanges.',
  })
  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  availabilityVersion: number;

  /** Last report or confirmation of the figures; null until the first. */
  @Column({ type: 'timestamptz', nullable: true })
  availabilityConfirmedAt: Date | null;

  /**
   * Set when a burst of TURNED_AWAY_DESPITE_SPACE reports questioned the figures (problem
   * reports), for its coordinator to check; staff read it through `problemReports`, never the
   * public. Lowers nothing.
   */
  @Column({ type: 'timestamptz', nullable: true })
  figuresQuestionedAt: Date | null;

  /** Last time a coordinator reported or confirmed the figures: reports before it no longer count towards a burst. */
  @Column({ type: 'timestamptz', nullable: true })
  figuresReviewedAt: Date | null;

  @OneToMany('ShelterCapacity', 'shelter')
  capacities?: ShelterCapacity[];

  /**
   * The public fields below are set when the search reads a shelter (withPublicFields), as plain
   * values rather than resolved fields: a resolver call per shelter and field cost the map's query
   * a third of its CPU (bench "map read"). Not columns.
   */
  @Field(() => ShelterAddress, {
    name: 'address',
    description: 'Street, number and postal code only for shelters that are not sensitive.',
  })
  publicAddress?: ShelterAddress;

  @Field(() => PublicLocation)
  location?: PublicLocation;

  @Field(() => Availability)
  availability?: Availability;

  /** Set by the nearest-shelter search when `near` was given; not a column. */
  @Field(() => Float, {
    nullable: true,
    description: 'Kilometres from `near`, when the query gave one.',
  })
  distanceKm?: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
