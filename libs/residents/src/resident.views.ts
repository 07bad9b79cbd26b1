import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Population } from '@albergue/shelters';
import {
  AgeBracket,
  AppointmentKind,
  AppointmentOutcome,
  AsylumStatus,
  CaseStatus,
  LegalBasis,
  Vulnerability,
  WithdrawalOutcome,
} from './residents.enums.js';
import { ResidentEventKind } from './resident-event.entity.js';
import { registerEnumType } from '@nestjs/graphql';

registerEnumType(ResidentEventKind, { name: 'ResidentEventKind' });

@ObjectType()
export class ResidentDocuments {
  @Field(() => String, { nullable: true, description: 'COMAR pre-registration folio.' })
  comarFolio: string | null;

  @Field(() => String, { nullable: true })
  passport: string | null;

  @Field(() => String, { nullable: true })
  curp: string | null;

  @Field(() => String, { nullable: true, description: 'Humanitarian visitor card (TVRH) number.' })
  tvrhNumber: string | null;

  @Field(() => String, { nullable: true })
  tvrhIssuedOn: string | null;

  @Field(() => String, { nullable: true })
  tvrhExpiresOn: string | null;
}

@ObjectType({ description: 'Follow-up of an unaccompanied minor; coordinators only.' })
export class ChildProtection {
  @Field(() => String, {
    description: 'The authority notified, e.g. DIF or the Procuraduría de Protección.',
  })
  authority: string;

  @Field(() => String)
  notifiedOn: string;

  @Field(() => String, { nullable: true })
  caseNumber: string | null;
}

@ObjectType()
export class LegalBasisRecord {
  @Field(() => LegalBasis)
  basis: LegalBasis;

  @Field(() => String, { description: 'The language the processing was explained in.' })
  explainedIn: string;

  @Field(() => ID)
  recordedBy: string;

  @Field(() => Date)
  recordedAt: Date;

  @Field(() => Date, { nullable: true })
  consentWithdrawnAt: Date | null;

  @Field(() => WithdrawalOutcome, { nullable: true })
  withdrawalOutcome: WithdrawalOutcome | null;
}

@ObjectType({
  description: 'A resident as staff of their shelter see them; fields a role may not see are null.',
})
export class ResidentView {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  householdId: string;

  @Field(() => ID)
  currentShelterId: string;

  @Field(() => String, { nullable: true, description: 'Null once anonymised.' })
  name: string | null;

  @Field(() => Int, { nullable: true })
  birthYear: number | null;

  @Field(() => AgeBracket, { nullable: true })
  ageBracket: AgeBracket | null;

  @Field(() => String, { nullable: true, description: 'As the person describes it.' })
  gender: string | null;

  @Field(() => String)
  nationality: string;

  @Field(() => [String])
  languages: string[];

  @Field(() => Population)
  population: Population;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => [Vulnerability], { description: 'Only the flags the caller’s role may see.' })
  vulnerabilities: Vulnerability[];

  @Field(() => Boolean)
  minor: boolean;

  @Field(() => ID, { nullable: true })
  guardianId: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Coordinators only; null for other roles.' })
  unaccompanied: boolean | null;

  @Field(() => ChildProtection, { nullable: true })
  childProtection: ChildProtection | null;

  @Field(() => ResidentDocuments)
  documents: ResidentDocuments;

  @Field(() => LegalBasisRecord)
  legalBasis: LegalBasisRecord;

  @Field(() => CaseStatus)
  caseStatus: CaseStatus;

  @Field(() => Date, { nullable: true })
  caseClosedAt: Date | null;

  @Field(() => AsylumStatus)
  asylumStatus: AsylumStatus;

  @Field(() => String, { nullable: true })
  asylumOffice: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'COMAR case number, once the application is filed.',
  })
  caseNumber: string | null;

  @Field(() => Boolean)
  anonymised: boolean;

  @Field(() => [AsylumStatus], {
    description:
      'The statuses changeAsylumStatus accepts from asylumStatus without an override (coordinators change it); none once anonymised.',
  })
  nextAsylumSteps: AsylumStatus[];

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType()
export class HouseholdView {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  shelterId: string;

  @Field(() => ID, { nullable: true })
  headId: string | null;

  @Field(() => [ResidentView], { description: 'The members you may see.' })
  members: ResidentView[];

  @Field(() => [ID], {
    description:
      'Members at another shelter, whom you may not see: their ids only, nothing else of them.',
  })
  membersElsewhere: string[];
}

@ObjectType()
export class ResidentEventView {
  @Field(() => ResidentEventKind)
  kind: ResidentEventKind;

  @Field(() => String, {
    nullable: true,
    description:
      'As the API names it: an AsylumStatus (ASYLUM), a CaseStatus (CASE), a LegalBasis (CONSENT).',
  })
  from: string | null;

  @Field(() => String, {
    description:
      'As the API names it: an AsylumStatus (ASYLUM), a CaseStatus (CASE), a WithdrawalOutcome (CONSENT).',
  })
  to: string;

  @Field(() => Date)
  at: Date;

  @Field(() => ID)
  byUserId: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Who recorded it, by display name: for coordinators of the person's shelters; null for other roles.",
  })
  byName: string | null;

  @Field(() => Boolean)
  override: boolean;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true })
  office: string | null;
}

@ObjectType()
export class AppointmentView {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  residentId: string;

  @Field(() => String, { nullable: true })
  residentName: string | null;

  @Field(() => AppointmentKind)
  kind: AppointmentKind;

  @Field(() => String, {
    description:
      'ISO 8601 with the offset of the server’s TIME_ZONE (2026-11-30T09:00:00-06:00): the wall clock there, and one exact instant.',
  })
  startsAt: string;

  @Field(() => String, { nullable: true, description: 'Null once anonymised.' })
  place: string | null;

  @Field(() => AppointmentOutcome)
  outcome: AppointmentOutcome;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => Boolean, {
    description:
      'Someone from the shelter goes with the person (a HEALTH appointment that needs an escort).',
  })
  escort: boolean;
}

@ObjectType({
  description:
    'One cell of a count; cells under 5 are suppressed so that nobody can be singled out.',
})
export class CountCell {
  @Field(() => String)
  key: string;

  @Field(() => Int, { nullable: true })
  count: number | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

@ObjectType({ description: 'Counts without identities.' })
export class ResidentAggregates {
  @Field(() => ID, { nullable: true, description: 'Null for the whole network.' })
  shelterId: string | null;

  @Field(() => CountCell)
  total: CountCell;

  @Field(() => [CountCell])
  byCaseStatus: CountCell[];

  @Field(() => [CountCell])
  byAsylumStatus: CountCell[];

  @Field(() => [CountCell])
  byNationality: CountCell[];

  @Field(() => [CountCell])
  byPopulation: CountCell[];
}

@ObjectType({ description: 'Two records that look like one person, registered at two shelters.' })
export class PossibleDuplicate {
  @Field(() => ID)
  residentId: string;

  @Field(() => ID)
  otherResidentId: string;

  @Field(() => ID)
  otherShelterId: string;

  @Field(() => [String], {
    description:
      'What matched: name and birth year, folio, passport, CURP, TVRH; name-parts: at least two parts of the names, or their sounds.',
  })
  matchedOn: string[];
}
