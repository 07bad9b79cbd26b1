import type { MigrationInterface } from 'typeorm';
import { CreateShelterDirectory1795637168146 } from './1795637168146-CreateShelterDirectory.js';
import { AddAccountsAndAudit1795638199122 } from './1795638199122-AddAccountsAndAudit.js';
import { AddResidents1795639765700 } from './1795639765700-AddResidents.js';
import { AddBedsStaysAndOutbox1795641617069 } from './1795641617069-AddBedsStaysAndOutbox.js';
import { SealFreeText1795901500000 } from './1795901500000-SealFreeText.js';
import { AddJobRuns1795902953579 } from './1795902953579-AddJobRuns.js';
import { ReferenceBoroughCatalogue1795913700000 } from './1795913700000-ReferenceBoroughCatalogue.js';
import { StructureOpeningHours1795913800000 } from './1795913800000-StructureOpeningHours.js';
import { AddProblemReports1795913976537 } from './1795913976537-AddProblemReports.js';
import { AllowPlacesWithoutBeds1795920000000 } from './1795920000000-AllowPlacesWithoutBeds.js';
import { AddCountsHistory1795921000000 } from './1795921000000-AddCountsHistory.js';
import { AddSecondFactor1795922000000 } from './1795922000000-AddSecondFactor.js';
import { AddResidentNameIndex1795923100000 } from './1795923100000-AddResidentNameIndex.js';
import { KeepHeldPlacesApart1795924000000 } from './1795924000000-KeepHeldPlacesApart.js';
import { AddBedsModeSince1795924100000 } from './1795924100000-AddBedsModeSince.js';
import { RecordSecondFactorOnSession1795925000000 } from './1795925000000-RecordSecondFactorOnSession.js';
import { LimitSecondFactorTriesPerDay1795925100000 } from './1795925100000-LimitSecondFactorTriesPerDay.js';
import { AddDeclineReason1795933000000 } from './1795933000000-AddDeclineReason.js';
import { AddHealthReferrals1795940000000 } from './1795940000000-AddHealthReferrals.js';
import { NotifyReferralChanges1795944000000 } from './1795944000000-NotifyReferralChanges.js';
import { AddHealthAppointmentKind1795944100000 } from './1795944100000-AddHealthAppointmentKind.js';
import { StampReferralChanges1795944600000 } from './1795944600000-StampReferralChanges.js';
import { AllowReferralEventBySystem1795946000000 } from './1795946000000-AllowReferralEventBySystem.js';
import { NotifyReferralEscorts1795947300000 } from './1795947300000-NotifyReferralEscorts.js';
import { AddSuppliesLedger1795950000000 } from './1795950000000-AddSuppliesLedger.js';
import { AddSupplyAlerts1795951000000 } from './1795951000000-AddSupplyAlerts.js';
import { AddSupplyNeeds1795952000000 } from './1795952000000-AddSupplyNeeds.js';
import { AddSupplyPledges1795953000000 } from './1795953000000-AddSupplyPledges.js';
import { AddSupplyFoodDays1795953500000 } from './1795953500000-AddSupplyFoodDays.js';

export type { MigrationOutcome, ReportingMigration } from './outcome.js';

/** Every migration, oldest first. `npm run migration:generate` writes a new file: add it here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreateShelterDirectory1795637168146,
  AddAccountsAndAudit1795638199122,
  AddResidents1795639765700,
  AddBedsStaysAndOutbox1795641617069,
  SealFreeText1795901500000,
  AddJobRuns1795902953579,
  ReferenceBoroughCatalogue1795913700000,
  StructureOpeningHours1795913800000,
  AddProblemReports1795913976537,
  AllowPlacesWithoutBeds1795920000000,
  AddCountsHistory1795921000000,
  AddSecondFactor1795922000000,
  AddResidentNameIndex1795923100000,
  KeepHeldPlacesApart1795924000000,
  AddBedsModeSince1795924100000,
  RecordSecondFactorOnSession1795925000000,
  LimitSecondFactorTriesPerDay1795925100000,
  AddDeclineReason1795933000000,
  AddHealthReferrals1795940000000,
  NotifyReferralChanges1795944000000,
  AddHealthAppointmentKind1795944100000,
  StampReferralChanges1795944600000,
  AllowReferralEventBySystem1795946000000,
  NotifyReferralEscorts1795947300000,
  AddSuppliesLedger1795950000000,
  AddSupplyAlerts1795951000000,
  AddSupplyNeeds1795952000000,
  AddSupplyPledges1795953000000,
  AddSupplyFoodDays1795953500000,
];
