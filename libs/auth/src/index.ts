// The door of @albergue/auth: what other libs and apps use, named one by one; the rest stays inside.
export { AUTH_ENTITIES } from './entities.js';
export { AccountsService } from './accounts.service.js';
export { AuthModule } from './auth.module.js';
export { passwordProblem } from './common-passwords.js';
export { FirstStartService } from './first-start.service.js';
export { PolicyRegistry, type PolicyRow } from './policy-registry.js';
export { SecondFactorService, totpFor } from './second-factor.service.js';
export { ACCESS_CHANNEL, SessionsService } from './sessions.service.js';
