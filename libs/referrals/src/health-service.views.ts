import { OpeningHours, Population } from '@albergue/shelters';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CapacityStatus,
  ServiceCategory,
  ServiceCost,
  ServiceRequirement,
} from './referrals.enums.js';

@ObjectType({
  description:
    'A service’s capacity as read now: what its staff said, unless older than SERVICE_STALE_AFTER (then UNKNOWN, with its age).',
})
export class ServiceCapacity {
  @Field(() => CapacityStatus)
  status: CapacityStatus;

  @Field(() => Int, { nullable: true, description: 'With WAITLIST: the typical wait, in days.' })
  waitDays: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the staff last reported (also if stale).',
  })
  reportedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Minutes since that report.' })
  ageMinutes: number | null;

  @Field(() => Boolean, { description: 'The report is older than SERVICE_STALE_AFTER.' })
  stale: boolean;
}

@ObjectType({
  description:
    'A health service as staff see it: in full, sensitive ones too (staff are trusted), flagged by `sensitive`; never shown as such on a public surface.',
})
export class HealthServiceView {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => String)
  organisationName: string;

  @Field(() => String)
  name: string;

  @Field(() => ServiceCategory)
  category: ServiceCategory;

  @Field(() => Boolean)
  public: boolean;

  @Field(() => Boolean, {
    description:
      'Care after violence and the like: do not pass its address on beyond the person referred.',
  })
  sensitive: boolean;

  @Field(() => Boolean)
  active: boolean;

  @Field(() => String, { nullable: true })
  street: string | null;

  @Field(() => String, { nullable: true })
  boroughCode: string | null;

  @Field(() => Float, { nullable: true })
  lat: number | null;

  @Field(() => Float, { nullable: true })
  lng: number | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => OpeningHours, { nullable: true })
  hours: OpeningHours | null;

  @Field(() => [String])
  languages: string[];

  @Field(() => ServiceCost)
  cost: ServiceCost;

  @Field(() => [ServiceRequirement])
  requirements: ServiceRequirement[];

  @Field(() => [Population], { description: 'The groups served; empty: everyone.' })
  populations: Population[];

  @Field(() => ServiceCapacity)
  capacity: ServiceCapacity;

  @Field(() => Date)
  updatedAt: Date;
}

/** Whether a person meets one of a service's conditions, as far as the record tells. */
export enum FitMet {
  MET = 'met',
  NOT_MET = 'not_met',
  /** The record (or the service) does not say. */
  UNKNOWN = 'unknown',
}
registerEnumType(FitMet, { name: 'FitMet' });

@ObjectType({
  description:
    'A service’s conditions against one person’s, before referring: language, group, capacity. Documents are not on record: the requirements are listed for the referrer to check with the person.',
})
export class ServiceFit {
  @Field(() => ID)
  serviceId: string;

  @Field(() => Boolean, { description: 'False: closed for good, nobody can be referred there.' })
  active: boolean;

  @Field(() => FitMet, { description: 'A language of the person is spoken there.' })
  language: FitMet;

  @Field(() => [String], { description: 'The person’s languages spoken there.' })
  sharedLanguages: string[];

  @Field(() => FitMet, { description: 'The service serves the person’s group.' })
  population: FitMet;

  @Field(() => ServiceCapacity)
  capacity: ServiceCapacity;

  @Field(() => FitMet, {
    description:
      'ACCEPTING or WAITLIST: met; NOT_ACCEPTING: not met; never reported or stale: UNKNOWN.',
  })
  capacityFit: FitMet;

  @Field(() => Boolean, {
    description:
      'The service reports NOT_ACCEPTING: a referral there needs an explicit reason (emergency, called and they agreed).',
  })
  overrideNeeded: boolean;

  @Field(() => [ServiceRequirement], {
    description:
      'What the service asks of the person. Documents are not on record: the referrer checks these with the person.',
  })
  requirementsToCheck: ServiceRequirement[];
}
