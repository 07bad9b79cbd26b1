import { Membership } from './membership.entity.js';
import { PasswordToken } from './password-token.entity.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { SecondFactor } from './second-factor.entity.js';
import { ServiceMembership } from './service-membership.entity.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';

/** The tables this lib owns, for the app's data source (the entities themselves stay inside). */
export const AUTH_ENTITIES = [
  User,
  Membership,
  ServiceMembership,
  Session,
  PasswordToken,
  SecondFactor,
  RecoveryCode,
];
