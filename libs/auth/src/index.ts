// The door of @albergue/auth: what other libs and apps use, named one by one; the rest stays inside.
export { AccountsService } from './accounts.service.js';
export { AuthModule } from './auth.module.js';
export { passwordProblem } from './common-passwords.js';
export { FirstStartService } from './first-start.service.js';
export { Membership } from './membership.entity.js';
export { PasswordToken } from './password-token.entity.js';
export { PolicyRegistry, type PolicyRow } from './policy-registry.js';
export { Session } from './session.entity.js';
export { ACCESS_CHANNEL, SessionsService } from './sessions.service.js';
export { User } from './user.entity.js';
