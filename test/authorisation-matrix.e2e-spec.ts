import { randomUUID } from 'node:crypto';
import { type PolicyRow, PolicyRegistry } from '@albergue/auth';
import { NETWORK_ROLES, Role, SHELTER_ROLES } from '@albergue/common';
import { switchToBedsMode } from './factories/occupancy.factory.js';
import { healthServiceRow } from './factories/referral.factory.js';
import {
  pledgeTo,
  publishNeed,
  receiveStock,
  sendStock,
  supplyItem,
} from './factories/supplies.factory.js';
import {
  makeMember,
  organisationInput,
  shelterFor,
  shelterInput,
} from './factories/shelter.factory.js';
import {
  ACCESS,
  accessOf,
  type NetworkRoleName,
  type ServiceRoleName,
  type ShelterRoleName,
  type Who,
} from './fixtures/access.js';
import { createStaff } from '../clients/staff-accounts.js';
import {
  adminOf,
  type GraphQLClient,
  type GraphQLResponse,
  type SignedIn,
  signIn,
  startTestApp,
  type TestApp,
} from './helpers/test-app.js';

type Caller = Role | 'anonymous';
type Scope = 'own' | 'other';

interface Targets {
  shelterId: string;
  population: string;
  organisationId: string;
  /** A user no case touches but these samples (so ending their sessions harms nobody). */
  bystanderId: string;
  /** Two residents registered in the shelter, their household and an appointment of the first. */
  residentIds: [string, string];
  householdId: string;
  appointmentId: string;
  /** A room with beds, one of them, and a hold on another. */
  roomId: string;
  bedId: string;
  holdId: string;
  /** A health service (own: the one whose staff the SERVICE_STAFF caller is). */
  serviceId: string;
  /** A referral sent from the shelter to that service (a row, as the lib writes one). */
  referralId: string;
  /** A field team member with a visit in the shelter (granted again and ended by the samples). */
  visitorId: string;
  visitorEmail: string;
  /** A network item, a shelter's own item, a receipt of the first, a transfer sent to the shelter. */
  supplyItemId: string;
  localItemId: string;
  movementId: string;
  stockTransferId: string;
  /** A transfer sent from the shelter, still in transit (cancelTransfer's target). */
  sentTransferId: string;
  /** A need the shelter published (updateNeed's and closeNeed's target). */
  needId: string;
  /** A pledge to another of its needs (receivePledge's and withdrawPledge's target). */
  pledgeId: string;
}

interface Sample {
  query: string;
  variables?: Record<string, unknown>;
  /** Ends the caller's session: run it on a session of its own. */
  endsSession?: boolean;
}

const PASSWORD = 'matrix passphrase long enough';

/** A routine referral, consented, of a resident of the shelter to its service. */
function referralInput(shelterId: string, residentId: string, serviceId: string) {
  return {
    requestId: randomUUID(),
    shelterId,
    residentId,
    serviceId,
    category: 'ACUTE_ILLNESS',
    urgency: 'ROUTINE',
    reason: 'matriz',
    consent: { basis: 'CONSENT', language: 'ht', shares: [] },
  };
}

/** Two adults, under vital interest; the registrar below puts one household in each shelter. */
function householdInput(shelterId: string) {
  const member = (name: string) => ({
    name,
    birthYear: 1990,
    nationality: 'HT',
    population: 'MEN',
  });
  return {
    requestId: randomUUID(),
    shelterId,
    members: [member('Matriz Uno'), member('Matriz Dos')],
    legalBasis: { basis: 'VITAL_INTEREST', explainedIn: 'ht' },
    // The same two names in every sample: the duplicate check is not what this spec is about.
    confirmNew: true,
  };
}

/**
 * One harmless request per operation, aimed at a shelter (own or other) where the operation acts
 * in one. A new operation fails the first test until it has a sample here.
 */
const SAMPLES: Record<string, (t: Targets) => Sample> = {
  shelters: () => ({ query: '{ shelters(first: 1) { id } }' }),
  shelter: (t) => ({
    query: 'query($id: ID!) { shelter(id: $id) { id } }',
    variables: { id: t.shelterId },
  }),
  organisations: () => ({ query: '{ organisations { id } }' }),
  organisation: (t) => ({
    query: 'query($id: ID!) { organisation(id: $id) { id } }',
    variables: { id: t.organisationId },
  }),
  createOrganisation: () => ({
    query:
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
    variables: { input: organisationInput() },
  }),
  updateOrganisation: (t) => ({
    query:
      'mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "Organización (matriz)" }) { id } }',
    variables: { id: t.organisationId },
  }),
  createShelter: (t) => ({
    query: 'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }',
    variables: { input: shelterInput(t.organisationId) },
  }),
  updateShelter: (t) => ({
    query:
      'mutation($id: ID!) { updateShelter(id: $id, input: { openingHours: "24 horas" }) { id } }',
    variables: { id: t.shelterId },
  }),
  reportAvailability: (t) => ({
    query:
      'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
    // Version 0 is behind every reported shelter's: the guard answers first (FORBIDDEN or not),
    // then an allowed caller gets STALE_REPORT and nothing changes, which is not a denial.
    variables: {
      input: {
        requestId: randomUUID(),
        shelterId: t.shelterId,
        knownVersion: 0,
        counts: [{ population: t.population, freeBeds: 0 }],
      },
    },
  }),
  confirmAvailability: (t) => ({
    query:
      'mutation($id: ID!, $r: ID!) { confirmAvailability(shelterId: $id, requestId: $r, knownVersion: 0) { id } }',
    variables: { id: t.shelterId, r: randomUUID() },
  }),
  login: () => ({
    query:
      'mutation { login(input: { email: "nobody@matrix.example", password: "wrong wrong wrong" }) { id } }',
  }),
  logout: () => ({ query: 'mutation { logout }', endsSession: true }),
  me: () => ({ query: '{ me { id } }' }),
  offlineQueueKey: () => ({ query: '{ offlineQueueKey }' }),
  changePassword: () => ({
    query:
      'mutation { changePassword(input: { currentPassword: "not the current one", newPassword: "does not matter here" }) }',
  }),
  resetPassword: () => ({
    query:
      'mutation($token: String!) { resetPassword(input: { token: $token, newPassword: "does not matter here" }) }',
    variables: { token: 'x'.repeat(43) },
  }),
  completeSetup: () => ({
    query: `mutation($token: String!) { completeSetup(input: { token: $token, email: "x@matrix.example", displayName: "X", password: "does not matter here" }) { id } }`,
    variables: { token: 'x'.repeat(43) },
  }),
  users: () => ({ query: '{ users { id } }' }),
  user: (t) => ({
    query: 'query($id: ID!) { user(id: $id) { id } }',
    variables: { id: t.bystanderId },
  }),
  createUser: () => ({
    query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    variables: {
      input: {
        requestId: randomUUID(),
        email: `${randomUUID()}@matrix.example`,
        displayName: 'Nuevo',
      },
    },
  }),
  updateUser: (t) => ({
    query: 'mutation($id: ID!) { updateUser(id: $id, input: { displayName: "Testigo" }) { id } }',
    variables: { id: t.bystanderId },
  }),
  setMembership: (t) => ({
    query: 'mutation($input: MembershipInput!) { setMembership(input: $input) { id } }',
    variables: { input: { userId: t.bystanderId, shelterId: t.shelterId, role: 'VOLUNTEER' } },
  }),
  removeMembership: (t) => ({
    query: 'mutation($u: ID!, $s: ID!) { removeMembership(userId: $u, shelterId: $s) { id } }',
    variables: { u: t.bystanderId, s: t.shelterId },
  }),
  setServiceMembership: (t) => ({
    query: 'mutation($u: ID!, $s: ID!) { setServiceMembership(userId: $u, serviceId: $s) { id } }',
    variables: { u: t.bystanderId, s: t.serviceId },
  }),
  removeServiceMembership: (t) => ({
    query:
      'mutation($u: ID!, $s: ID!) { removeServiceMembership(userId: $u, serviceId: $s) { id } }',
    variables: { u: t.bystanderId, s: t.serviceId },
  }),
  endAllSessions: (t) => ({
    query: 'mutation($id: ID!) { endAllSessions(userId: $id) }',
    variables: { id: t.bystanderId },
  }),
  networkShelter: (t) => ({
    query: 'query($id: ID!) { networkShelter(id: $id) { id } }',
    variables: { id: t.shelterId },
  }),
  networkShelters: () => ({ query: '{ networkShelters { id } }' }),
  resetSecondFactor: (t) => ({
    query: 'mutation($id: ID!) { resetSecondFactor(userId: $id) }',
    variables: { id: t.bystanderId },
  }),
  enrolSecondFactor: () => ({ query: 'mutation { enrolSecondFactor { uri } }' }),
  confirmEnrolment: () => ({
    query: 'mutation { confirmEnrolment(input: { code: "000000" }) }',
  }),
  verifySecondFactor: () => ({
    query: 'mutation { verifySecondFactor(input: { code: "000000" }) { id } }',
  }),
  createPasswordReset: (t) => ({
    query: 'mutation($id: ID!) { createPasswordReset(userId: $id) }',
    variables: { id: t.bystanderId },
  }),
  auditLog: () => ({ query: '{ auditLog(first: 1) { id } }' }),
  registerHousehold: (t) => ({
    query: 'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }',
    variables: { input: householdInput(t.shelterId) },
  }),
  household: (t) => ({
    query: 'query($id: ID!) { household(id: $id) { id } }',
    variables: { id: t.householdId },
  }),
  resident: (t) => ({
    query: 'query($id: ID!) { resident(id: $id) { id } }',
    variables: { id: t.residentIds[0] },
  }),
  residentsOf: (t) => ({
    query: 'query($s: ID!) { residentsOf(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  searchResidents: (t) => ({
    query: 'query($s: ID!) { searchResidents(shelterId: $s, comarFolio: "MATRIX-000") { id } }',
    variables: { s: t.shelterId },
  }),
  findResidents: (t) => ({
    query: 'query($s: ID!) { findResidents(shelterId: $s, name: "Matriz") { resident { id } } }',
    variables: { s: t.shelterId },
  }),
  likelyMatches: (t) => ({
    query:
      'query($s: ID!) { likelyMatches(shelterId: $s, name: "Matriz Tres") { resident { id } } }',
    variables: { s: t.shelterId },
  }),
  updateResident: (t) => ({
    query: 'mutation($id: ID!) { updateResident(id: $id, input: { languages: ["es"] }) { id } }',
    variables: { id: t.residentIds[0] },
  }),
  renameResident: (t) => ({
    query: 'mutation($id: ID!) { renameResident(id: $id, name: "Matriz Uno") { id } }',
    variables: { id: t.residentIds[0] },
  }),
  residentHistory: (t) => ({
    query: 'query($id: ID!) { residentHistory(residentId: $id) { to } }',
    variables: { id: t.residentIds[0] },
  }),
  residentStays: (t) => ({
    query: 'query($id: ID!) { residentStays(residentId: $id) { id } }',
    variables: { id: t.residentIds[0] },
  }),
  changeAsylumStatus: (t) => ({
    query:
      'mutation($id: ID!) { changeAsylumStatus(input: { residentId: $id, status: RECOGNISED }) { id } }',
    variables: { id: t.residentIds[0] },
  }),
  setCaseStatus: (t) => ({
    query: 'mutation($id: ID!) { setCaseStatus(input: { residentId: $id, status: OPEN }) { id } }',
    variables: { id: t.residentIds[0] },
  }),
  addAppointment: (t) => ({
    query: 'mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id } }',
    variables: {
      input: {
        requestId: randomUUID(),
        residentId: t.residentIds[0],
        kind: 'COMAR',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        place: 'COMAR CDMX',
      },
    },
  }),
  setAppointmentOutcome: (t) => ({
    query:
      'mutation($id: ID!) { setAppointmentOutcome(input: { appointmentId: $id, outcome: PENDING }) { id } }',
    variables: { id: t.appointmentId },
  }),
  residentAppointments: (t) => ({
    query: 'query($id: ID!) { residentAppointments(residentId: $id) { id } }',
    variables: { id: t.residentIds[0] },
  }),
  appointmentsDue: (t) => ({
    query: 'query($s: ID!) { appointmentsDue(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  withdrawConsent: (t) => ({
    query:
      'mutation($id: ID!) { withdrawConsent(input: { residentId: $id, outcome: VITAL_INTEREST }) { id } }',
    variables: { id: t.residentIds[1] },
  }),
  eraseResident: (t) => ({
    query: 'mutation($id: ID!) { eraseResident(id: $id) { id } }',
    variables: { id: t.residentIds[1] },
  }),
  exportResident: (t) => ({
    query: 'query($id: ID!) { exportResident(id: $id) }',
    variables: { id: t.residentIds[0] },
  }),
  residentAggregates: (t) => ({
    query: 'query($s: ID) { residentAggregates(shelterId: $s) { total { count } } }',
    variables: { s: t.shelterId },
  }),
  possibleDuplicates: (t) => ({
    query: 'query($s: ID!) { possibleDuplicates(shelterId: $s) { residentId } }',
    variables: { s: t.shelterId },
  }),
  createRoom: (t) => ({
    query: 'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
    variables: {
      input: { requestId: randomUUID(), shelterId: t.shelterId, name: `Room ${randomUUID()}` },
    },
  }),
  addBeds: (t) => ({
    query: 'mutation($input: AddBedsInput!) { addBeds(input: $input) { id } }',
    variables: {
      input: {
        requestId: randomUUID(),
        roomId: t.roomId,
        count: 1,
        kind: 'BED',
        population: 'MEN',
      },
    },
  }),
  setBedOutOfService: (t) => ({
    query:
      'mutation($input: SetBedOutOfServiceInput!) { setBedOutOfService(input: $input) { id } }',
    variables: { input: { requestId: randomUUID(), bedId: t.bedId, reason: null } },
  }),
  rooms: (t) => ({
    query: 'query($s: ID!) { rooms(shelterId: $s) { id beds { id } } }',
    variables: { s: t.shelterId },
  }),
  bedBoard: (t) => ({
    query: 'query($s: ID!) { bedBoard(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  checkIn: (t) => ({
    query: 'mutation($input: CheckInInput!) { checkIn(input: $input) { id } }',
    variables: {
      input: { requestId: randomUUID(), shelterId: t.shelterId, residentIds: [t.residentIds[0]] },
    },
  }),
  checkOut: (t) => ({
    query: 'mutation($input: CheckOutInput!) { checkOut(input: $input) { id } }',
    variables: { input: { requestId: randomUUID(), residentId: t.residentIds[0] } },
  }),
  placeHold: (t) => ({
    query: 'mutation($input: PlaceHoldInput!) { placeHold(input: $input) { holdId } }',
    variables: {
      input: {
        requestId: randomUUID(),
        fromShelterId: t.shelterId,
        shelterId: t.shelterId,
        population: 'MEN',
        count: 1,
      },
    },
  }),
  cancelHold: (t) => ({
    query: 'mutation($input: CancelHoldInput!) { cancelHold(input: $input) { id } }',
    variables: { input: { requestId: randomUUID(), holdId: t.holdId } },
  }),
  registerAndCheckIn: (t) => ({
    query:
      'mutation($input: RegisterAndCheckInInput!) { registerAndCheckIn(input: $input) { id } }',
    variables: { input: householdInput(t.shelterId) },
  }),
  move: (t) => ({
    query: 'mutation($input: MoveInput!) { move(input: $input) { id } }',
    variables: { input: { requestId: randomUUID(), residentId: t.residentIds[0], bedId: t.bedId } },
  }),
  transfer: (t) => ({
    query: 'mutation($input: TransferInput!) { transfer(input: $input) { holdId } }',
    variables: {
      input: {
        requestId: randomUUID(),
        fromShelterId: t.shelterId,
        residentIds: [t.residentIds[0]],
        toShelterId: t.shelterId,
      },
    },
  }),
  bedsModePreview: (t) => ({
    query: 'query($s: ID!) { bedsModePreview(shelterId: $s) { ready } }',
    variables: { s: t.shelterId },
  }),
  switchToBedsMode: (t) => ({
    query: 'mutation($input: BedsModeInput!) { switchToBedsMode(input: $input) { id } }',
    variables: { input: { requestId: randomUUID(), shelterId: t.shelterId } },
  }),
  declineTransfer: (t) => ({
    query: 'mutation($input: DeclineTransferInput!) { declineTransfer(input: $input) { holdId } }',
    variables: { input: { requestId: randomUUID(), holdId: t.holdId } },
  }),
  transfersFrom: (t) => ({
    query: 'query($s: ID!) { transfersFrom(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  holdsAt: (t) => ({
    query: 'query($s: ID!) { holdsAt(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  recordTurnaway: (t) => ({
    query: 'mutation($input: TurnawayInput!) { recordTurnaway(input: $input) { id } }',
    variables: {
      input: {
        requestId: randomUUID(),
        shelterId: t.shelterId,
        population: 'MEN',
        count: 2,
        reason: 'NO_SPACE',
      },
    },
  }),
  dailyFigures: (t) => ({
    query:
      'query($s: ID!) { dailyFigures(shelterId: $s, from: "2026-11-01", to: "2026-11-07") { day } }',
    variables: { s: t.shelterId },
  }),
  networkFigures: (t) => ({
    query:
      'query($s: ID) { networkFigures(from: "2026-11-01", to: "2026-11-07", groupBy: NETWORK, shelterId: $s) { capacity } }',
    variables: { s: t.shelterId },
  }),
  problemReports: (t) => ({
    query: 'query($s: ID) { problemReports(shelterId: $s) { shelterId } }',
    variables: { s: t.shelterId },
  }),
  shelterChanges: () => ({ query: '{ shelterChanges(known: []) { id } }' }),
  mergeResidents: (t) => ({
    query: 'mutation($k: ID!, $m: ID!) { mergeResidents(keepId: $k, mergeId: $m) }',
    variables: { k: t.residentIds[0], m: t.residentIds[1] },
  }),
  auditLogCsv: () => ({ query: '{ auditLogCsv(first: 1) }' }),
  referralFhir: (t) => ({
    query: 'query($id: ID!) { referralFhir(id: $id) }',
    variables: { id: t.referralId },
  }),
  referralFigures: (t) => ({
    query:
      'query($s: ID, $v: ID) { referralFigures(from: "2026-11-01", to: "2026-11-30", shelterId: $s, serviceId: $v) { total { count } } }',
    variables: { s: t.shelterId, v: t.serviceId },
  }),
  referralFiguresCsv: (t) => ({
    query:
      'query($s: ID, $v: ID) { referralFiguresCsv(from: "2026-11-01", to: "2026-11-30", shelterId: $s, serviceId: $v) }',
    variables: { s: t.shelterId, v: t.serviceId },
  }),
  createHealthService: (t) => ({
    query:
      'mutation($input: CreateHealthServiceInput!) { createHealthService(input: $input) { id } }',
    variables: {
      input: {
        requestId: randomUUID(),
        organisationId: t.organisationId,
        name: 'Clínica matriz',
        category: 'CLINIC',
        boroughCode: 'cdmx-cuauhtemoc',
      },
    },
  }),
  updateHealthService: (t) => ({
    query:
      'mutation($id: ID!, $input: UpdateHealthServiceInput!) { updateHealthService(id: $id, input: $input) { id } }',
    variables: { id: t.serviceId, input: { phone: '+52 55 5555 0000' } },
  }),
  healthServices: (t) => ({
    query: 'query($s: ID) { healthServices(shelterId: $s) { id capacity { status } } }',
    variables: { s: t.shelterId },
  }),
  healthService: (t) => ({
    query: 'query($id: ID!, $s: ID) { healthService(id: $id, shelterId: $s) { id } }',
    variables: { id: t.serviceId, s: t.shelterId },
  }),
  myHealthServices: () => ({ query: '{ myHealthServices { id } }' }),
  serviceFit: (t) => ({
    query:
      'query($id: ID!, $s: ID) { serviceFit(serviceId: $id, shelterId: $s, languages: ["es"]) { language } }',
    variables: { id: t.serviceId, s: t.shelterId },
  }),
  reportServiceCapacity: (t) => ({
    query:
      'mutation($input: ReportServiceCapacityInput!) { reportServiceCapacity(input: $input) { id } }',
    variables: { input: { requestId: randomUUID(), serviceId: t.serviceId, status: 'ACCEPTING' } },
  }),
  grantFieldVisit: (t) => ({
    query: 'mutation($input: GrantFieldVisitInput!) { grantFieldVisit(input: $input) { userId } }',
    variables: {
      input: {
        requestId: randomUUID(),
        email: t.visitorEmail,
        shelterId: t.shelterId,
        until: new Date(Date.now() + 86_400_000).toISOString(),
      },
    },
  }),
  endFieldVisit: (t) => ({
    query: 'mutation($u: ID!, $s: ID!) { endFieldVisit(userId: $u, shelterId: $s) { userId } }',
    variables: { u: t.visitorId, s: t.shelterId },
  }),
  fieldVisits: (t) => ({
    query: 'query($s: ID!) { fieldVisits(shelterId: $s) { userId } }',
    variables: { s: t.shelterId },
  }),
  createReferral: (t) => ({
    query: 'mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }',
    variables: { input: referralInput(t.shelterId, t.residentIds[1], t.serviceId) },
  }),
  ...Object.fromEntries(
    (
      [
        ['sendReferral', 'SendReferralInput', {}],
        ['acceptReferral', 'AcceptReferralInput', {}],
        ['rejectReferral', 'RejectReferralInput', { reason: 'NO_CAPACITY' }],
        ['scheduleReferral', 'ScheduleReferralInput', { scheduledFor: '2030-01-01T10:00:00Z' }],
        ['recordReferralOutcome', 'ReferralOutcomeInput', { outcome: 'TREATED' }],
        ['referralNotCompleted', 'ReferralNotCompletedInput', { reason: 'NO_SHOW' }],
        ['closeReferral', 'CloseReferralInput', {}],
        ['cancelReferral', 'CancelReferralInput', { reason: 'matriz' }],
        ['closeReferralMovedOn', 'CloseReferralMovedOnInput', {}],
        ['overrideReferral', 'OverrideReferralInput', { toState: 'SENT', reason: 'matriz' }],
      ] as const
    ).map(([operation, type, fields]) => [
      operation,
      (t: Targets): Sample => ({
        query: `mutation($input: ${type}!) { ${operation}(input: $input) { id } }`,
        variables: { input: { requestId: randomUUID(), referralId: t.referralId, ...fields } },
      }),
    ]),
  ),
  referral: (t) => ({
    query: 'query($id: ID!) { referral(id: $id) { id state } }',
    variables: { id: t.referralId },
  }),
  referralHistory: (t) => ({
    query: 'query($id: ID!) { referralHistory(id: $id) { toState } }',
    variables: { id: t.referralId },
  }),
  referralsOf: (t) => ({
    query: 'query($s: ID!) { referralsOf(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  serviceReferrals: (t) => ({
    query: 'query($s: ID!) { serviceReferrals(serviceId: $s) { id } }',
    variables: { s: t.serviceId },
  }),
  referralSubjects: (t) => ({
    query: 'query($s: ID!) { referralSubjects(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  overdueReferrals: (t) => ({
    query: 'query($s: ID!) { overdueReferrals(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  overdueReferralsOfService: (t) => ({
    query: 'query($s: ID!) { overdueReferralsOfService(serviceId: $s) { id } }',
    variables: { s: t.serviceId },
  }),
  publicHealthServices: () => ({
    query: '{ publicHealthServices(near: { lat: 19.43, lng: -99.14 }, first: 3) { id name } }',
  }),
  supplyItems: (t) => ({
    query: 'query($s: ID) { supplyItems(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  createSupplyItem: (t) => ({
    query: 'mutation($input: CreateSupplyItemInput!) { createSupplyItem(input: $input) { id } }',
    variables: {
      input: {
        requestId: randomUUID(),
        shelterId: t.shelterId,
        names: { es: 'Matriz' },
        category: 'OTHER',
        unit: 'PIECE',
      },
    },
  }),
  updateSupplyItem: (t) => ({
    query: 'mutation($id: ID!) { updateSupplyItem(id: $id, input: { active: true }) { id } }',
    variables: { id: t.localItemId },
  }),
  receiveStock: (t) => ({
    query: 'mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { id } }',
    variables: {
      input: {
        requestId: randomUUID(),
        shelterId: t.shelterId,
        itemId: t.supplyItemId,
        quantity: 1,
        unit: 'KG',
        source: 'PURCHASE',
      },
    },
  }),
  useStock: (t) => ({
    query: 'mutation($input: UseStockInput!) { useStock(input: $input) { id } }',
    variables: {
      input: {
        requestId: randomUUID(),
        shelterId: t.shelterId,
        itemId: t.supplyItemId,
        quantity: 0.001,
        unit: 'KG',
        kind: 'ISSUED',
      },
    },
  }),
  countStock: (t) => ({
    query: 'mutation($input: CountStockInput!) { countStock(input: $input) { id } }',
    variables: {
      input: {
        requestId: randomUUID(),
        shelterId: t.shelterId,
        itemId: t.supplyItemId,
        counted: 50,
        unit: 'KG',
        reason: 'COUNT',
      },
    },
  }),
  // The first caller allowed reverses it; the others get ALREADY_REVERSED, not a denial.
  reverseStockMovement: (t) => ({
    query:
      'mutation($input: ReverseStockMovementInput!) { reverseStockMovement(input: $input) { id } }',
    variables: {
      input: { requestId: randomUUID(), movementId: t.movementId, reason: 'OTHER' },
    },
  }),
  stockAt: (t) => ({
    query: 'query($s: ID!) { stockAt(shelterId: $s) { itemId quantity } }',
    variables: { s: t.shelterId },
  }),
  stockMovements: (t) => ({
    query: 'query($s: ID!) { stockMovements(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  recordMeal: (t) => ({
    query: 'mutation($input: RecordMealInput!) { recordMeal(input: $input) { id } }',
    variables: {
      input: { requestId: randomUUID(), shelterId: t.shelterId, kind: 'LUNCH', people: 1 },
    },
  }),
  mealsServed: (t) => ({
    query: 'query($s: ID!) { mealsServed(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  // To a shelter that does not exist: an allowed caller gets SHELTER_NOT_FOUND, nothing moves.
  sendStock: (t) => ({
    query: 'mutation($input: SendStockInput!) { sendStock(input: $input) { id } }',
    variables: {
      input: {
        requestId: randomUUID(),
        fromShelterId: t.shelterId,
        toShelterId: randomUUID(),
        lines: [{ itemId: t.supplyItemId, quantity: 1, unit: 'KG' }],
      },
    },
  }),
  // The first caller allowed receives it; the others get TRANSFER_NOT_IN_TRANSIT, not a denial.
  receiveTransfer: (t) => ({
    query: 'mutation($input: ReceiveTransferInput!) { receiveTransfer(input: $input) { id } }',
    variables: {
      input: {
        requestId: randomUUID(),
        transferId: t.stockTransferId,
        lines: [{ itemId: t.supplyItemId, quantityReceived: 1 }],
      },
    },
  }),
  // The first caller allowed calls it back; the others get TRANSFER_NOT_IN_TRANSIT, not a denial.
  cancelTransfer: (t) => ({
    query: 'mutation($input: CancelTransferInput!) { cancelTransfer(input: $input) { id } }',
    variables: { input: { requestId: randomUUID(), transferId: t.sentTransferId } },
  }),
  stockTransfers: (t) => ({
    query: 'query($s: ID!) { stockTransfers(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  foodDaysLeft: (t) => ({
    query: 'query($s: ID!) { foodDaysLeft(shelterId: $s) { daysLeft } }',
    variables: { s: t.shelterId },
  }),
  supplyThresholds: (t) => ({
    query: 'query($s: ID!) { supplyThresholds(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  supplyAlerts: (t) => ({
    query: 'query($s: ID!) { supplyAlerts(shelterId: $s, history: true) { id } }',
    variables: { s: t.shelterId },
  }),
  setSupplyThreshold: (t) => ({
    query:
      'mutation($input: SetSupplyThresholdInput!) { setSupplyThreshold(input: $input) { id } }',
    variables: { input: { shelterId: t.shelterId, category: 'CLEANING', expiringWithinDays: 3 } },
  }),
  supplyNeeds: (t) => ({
    query: 'query($s: ID!) { supplyNeeds(shelterId: $s, history: true) { id } }',
    variables: { s: t.shelterId },
  }),
  needSuggestions: (t) => ({
    query: 'query($s: ID!) { needSuggestions(shelterId: $s) { itemId } }',
    variables: { s: t.shelterId },
  }),
  needsProfile: (t) => ({
    query: 'query($s: ID!) { needsProfile(shelterId: $s) { nameShown } }',
    variables: { s: t.shelterId },
  }),
  // The first caller allowed publishes it; the others get NEED_EXISTS, not a denial.
  publishNeed: (t) => ({
    query: 'mutation($input: PublishNeedInput!) { publishNeed(input: $input) { id } }',
    variables: {
      input: {
        requestId: randomUUID(),
        shelterId: t.shelterId,
        category: 'CLEANING',
        priority: 'LOW',
      },
    },
  }),
  updateNeed: (t) => ({
    query: 'mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { id } }',
    variables: { input: { needId: t.needId, priority: 'HIGH' } },
  }),
  // The first caller allowed closes it; the others get NEED_CLOSED, not a denial.
  closeNeed: (t) => ({
    query: 'mutation($input: CloseNeedInput!) { closeNeed(input: $input) { id } }',
    variables: { input: { needId: t.needId, closure: 'MET' } },
  }),
  setNeedsProfile: (t) => ({
    query: 'mutation($input: NeedsProfileInput!) { setNeedsProfile(input: $input) { nameShown } }',
    variables: { input: { shelterId: t.shelterId, nameShown: false } },
  }),
  supplyFigures: (t) => ({
    query: 'query($s: ID) { supplyFigures(shelterId: $s) { from flows { category } } }',
    variables: { s: t.shelterId },
  }),
  supplyFiguresCsv: (t) => ({
    query: 'query($s: ID) { supplyFiguresCsv(shelterId: $s) }',
    variables: { s: t.shelterId },
  }),
  supplyPledges: (t) => ({
    query: 'query($s: ID!) { supplyPledges(shelterId: $s) { id } }',
    variables: { s: t.shelterId },
  }),
  // The first caller allowed receives it; the others get PLEDGE_SETTLED, not a denial.
  receivePledge: (t) => ({
    query: 'mutation($input: ReceivePledgeInput!) { receivePledge(input: $input) { id } }',
    variables: {
      input: { requestId: randomUUID(), pledgeId: t.pledgeId, quantity: 1, unit: 'KG' },
    },
  }),
  withdrawPledge: (t) => ({
    query: 'mutation($input: WithdrawPledgeInput!) { withdrawPledge(input: $input) }',
    variables: { input: { pledgeId: t.pledgeId } },
  }),
  // Names a category no one set a mark for: an allowed caller gets THRESHOLD_NOT_FOUND.
  clearSupplyThreshold: (t) => ({
    query:
      'mutation($input: SupplyThresholdTargetInput!) { clearSupplyThreshold(input: $input) { id } }',
    variables: { input: { shelterId: t.shelterId, category: 'BEDDING' } },
  }),
};

const CALLERS: Caller[] = [
  Role.VOLUNTEER,
  Role.COORDINATOR,
  Role.HEALTH_WORKER,
  Role.SERVICE_STAFF,
  Role.NETWORK_COORDINATOR,
  Role.ADMIN,
  'anonymous',
];
const DENIALS = ['FORBIDDEN', 'NOT_SIGNED_IN', 'SESSION_INVALID'];

/** What the literal access table says a caller may do, in its own shelter or another. */
function expectedAllowed(operation: string, caller: Caller, scope: Scope): boolean {
  const who = accessOf(operation)!.who;
  if (who === 'anyone') {
    return true;
  }
  if (caller === 'anonymous') {
    return false;
  }
  if (who === 'signedIn') {
    return true;
  }
  // Network roles act everywhere; shelter roles only where they are members, service staff
  // only in their own service.
  return (
    (who.network ?? []).some((role) => role === caller) ||
    (scope === 'own' && (who.shelter ?? []).some((role) => role === caller)) ||
    (scope === 'own' && (who.service ?? []).some((role) => role === caller))
  );
}

/** A declared policy in the access table's terms, to hold the two side by side. */
function declared(row: PolicyRow): Who | 'undeclared' {
  const policy = row.policy;
  if (!policy) {
    return 'undeclared';
  }
  switch (policy.kind) {
    case 'public':
      return 'anyone';
    case 'authenticated':
      return 'signedIn';
    case 'roles': {
      // Shelter roles without a way to find the shelter are refused everywhere.
      const shelter = policy.shelterOf
        ? policy.roles.filter((role) => (SHELTER_ROLES as readonly Role[]).includes(role))
        : [];
      const network = policy.roles.filter((role) =>
        (NETWORK_ROLES as readonly Role[]).includes(role),
      );
      // Service staff without a way to find the service are refused everywhere.
      const service =
        policy.serviceOf && policy.roles.includes(Role.SERVICE_STAFF)
          ? (['service_staff'] as ServiceRoleName[])
          : [];
      return {
        ...(shelter.length ? { shelter: [...shelter].sort() as ShelterRoleName[] } : {}),
        ...(network.length ? { network: [...network].sort() as NetworkRoleName[] } : {}),
        ...(service.length ? { service } : {}),
      };
    }
  }
}

const sorted = (who: Who): Who =>
  typeof who === 'string'
    ? who
    : {
        ...(who.shelter?.length ? { shelter: [...who.shelter].sort() } : {}),
        ...(who.network?.length ? { network: [...who.network].sort() } : {}),
        ...(who.service?.length ? { service: [...who.service].sort() } : {}),
      };

describe('Authorisation matrix (e2e): every operation × role × own shelter, other shelter, anonymous', () => {
  // These tests share one world, made in beforeAll through the API: two shelters (own, other)
  // with residents, an appointment, beds and a hold each, and a session per role. A sample a
  // caller is allowed may change it (an erase, a check-out), so outcomes are read only as
  // allowed or denied, and the callers' order does not matter.
  let app: TestApp;
  let table: PolicyRow[];
  const sessions = new Map<Caller, SignedIn>();
  const emails = new Map<Caller, string>();
  let own: Targets;
  let admin: SignedIn;
  let registrar: SignedIn;
  let other: Targets;

  beforeAll(async () => {
    app = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '100000' });
    table = app.app.get(PolicyRegistry).table();
    admin = await adminOf(app);
    // The two shelters of the app, each of its own organisation: `own` and `other` below.
    await shelterFor(app, { name: 'Matriz propia' });
    await shelterFor(app, { name: 'Matriz otra' });
    const shelters = (
      await app.gql<{
        shelters: { id: string; populations: string[]; organisation: { id: string } }[];
      }>('{ shelters(first: 2, filter: { status: OPEN }) { id populations organisation { id } } }')
    ).data!.shelters;
    const createUser = async (role: Caller | 'bystander' | 'registrar' | 'referrer') => {
      const email = `${String(role)}-${randomUUID()}@matrix.example`;
      const networkRole =
        role === Role.ADMIN || role === Role.NETWORK_COORDINATOR ? role.toUpperCase() : undefined;
      const id = await createStaff(admin, app, {
        email,
        password: PASSWORD,
        networkRole,
        displayName: String(role),
      });
      return { id, email };
    };
    const bystander = await createUser('bystander');
    const visitor = await createUser('bystander');
    // A coordinator of both shelters registers a household and an appointment in each.
    const registrarUser = await createUser('registrar');
    for (const shelter of shelters) {
      await makeMember(admin, registrarUser.id, shelter.id, 'COORDINATOR');
    }
    registrar = await signIn(app.url, registrarUser.email, PASSWORD);
    // A health worker of both shelters makes a referral in each.
    const referrerUser = await createUser('referrer');
    for (const shelter of shelters) {
      await makeMember(admin, referrerUser.id, shelter.id, 'HEALTH_WORKER');
    }
    const referrer = await signIn(app.url, referrerUser.email, PASSWORD);
    const supplyItemId = await supplyItem(app, { name: 'Arroz (matriz)' });
    const targets = async (s: (typeof shelters)[number]): Promise<Targets> => {
      const household = await registrar.gql<{
        registerHousehold: { id: string; members: { id: string }[] };
      }>(
        'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id members { id } } }',
        { input: householdInput(s.id) },
      );
      if (!household.data) {
        throw new Error(`registerHousehold failed: ${JSON.stringify(household.errors)}`);
      }
      const { id: householdId, members } = household.data.registerHousehold;
      const sample = SAMPLES.addAppointment({
        residentIds: [members[0].id, members[1].id],
      } as unknown as Targets);
      const appointment = await registrar.gql<{ addAppointment: { id: string } }>(
        sample.query,
        sample.variables,
      );
      const room = await registrar.gql<{ createRoom: { id: string } }>(
        'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
        {
          input: { requestId: randomUUID(), shelterId: s.id, name: 'Matriz' },
        },
      );
      const roomId = room.data!.createRoom.id;
      const beds = await registrar.gql<{ addBeds: { id: string }[] }>(
        'mutation($input: AddBedsInput!) { addBeds(input: $input) { id } }',
        {
          input: { requestId: randomUUID(), roomId, count: 3, kind: 'BED', population: 'MEN' },
        },
      );
      // Beds for every group the shelter serves, then beds mode (and its holds).
      for (const population of s.populations.filter((p) => p !== 'MEN')) {
        await registrar.gql('mutation($input: AddBedsInput!) { addBeds(input: $input) { id } }', {
          input: { requestId: randomUUID(), roomId, count: 1, kind: 'BED', population },
        });
      }
      await switchToBedsMode(registrar, s.id);
      const hold = await registrar.gql<{ placeHold: { holdId: string }[] }>(
        'mutation($input: PlaceHoldInput!) { placeHold(input: $input) { holdId } }',
        {
          input: {
            requestId: randomUUID(),
            fromShelterId: s.id,
            shelterId: s.id,
            population: 'MEN',
            count: 1,
            hours: 24,
          },
        },
      );
      const serviceId = await healthServiceRow(app, { organisationId: s.organisation.id });
      const referral = await referrer.gql<{ createReferral: { id: string } }>(
        'mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }',
        { input: referralInput(s.id, members[0].id, serviceId) },
      );
      if (!referral.data) {
        throw new Error(`createReferral failed: ${JSON.stringify(referral.errors)}`);
      }
      const localItemId = await supplyItem(
        app,
        {
          name: 'Propio (matriz)',
          category: 'OTHER',
          unit: 'PIECE',
          kcalPerUnit: null,
          shelterId: s.id,
        },
        registrar,
      );
      const [movementId] = await receiveStock(registrar, s.id, supplyItemId, 100);
      const needId = await publishNeed(registrar, s.id);
      const pledgeNeed = await publishNeed(registrar, s.id, {
        category: null,
        itemId: supplyItemId,
        quantity: 5,
        unit: 'KG',
      });
      const pledgeId = await pledgeTo(app, pledgeNeed);
      return {
        shelterId: s.id,
        population: s.populations[0],
        organisationId: s.organisation.id,
        bystanderId: bystander.id,
        residentIds: [members[0].id, members[1].id],
        householdId,
        appointmentId: appointment.data!.addAppointment.id,
        roomId,
        bedId: beds.data!.addBeds[0].id,
        holdId: hold.data!.placeHold[0].holdId,
        serviceId,
        referralId: referral.data.createReferral.id,
        visitorId: visitor.id,
        visitorEmail: visitor.email,
        supplyItemId,
        localItemId,
        movementId,
        stockTransferId: '',
        sentTransferId: '',
        needId,
        pledgeId,
      };
    };
    own = await targets(shelters[0]);
    other = await targets(shelters[1]);
    // A transfer to each shelter, from the other, waiting to be received.
    own.stockTransferId = await sendStock(registrar, other.shelterId, own.shelterId, [
      [supplyItemId, 1],
    ]);
    other.stockTransferId = await sendStock(registrar, own.shelterId, other.shelterId, [
      [supplyItemId, 1],
    ]);
    own.sentTransferId = await sendStock(registrar, own.shelterId, other.shelterId, [
      [supplyItemId, 1],
    ]);
    other.sentTransferId = await sendStock(registrar, other.shelterId, own.shelterId, [
      [supplyItemId, 1],
    ]);
    for (const caller of CALLERS.filter((c): c is Role => c !== 'anonymous')) {
      const user = await createUser(caller);
      if (caller === Role.SERVICE_STAFF) {
        await admin.gql(
          'mutation($u: ID!, $s: ID!) { setServiceMembership(userId: $u, serviceId: $s) { id } }',
          {
            u: user.id,
            s: own.serviceId,
          },
        );
      } else if (!(NETWORK_ROLES as readonly Role[]).includes(caller)) {
        await makeMember(admin, user.id, own.shelterId, caller.toUpperCase());
      }
      emails.set(caller, user.email);
      sessions.set(caller, await signIn(app.url, user.email, PASSWORD));
    }
  });

  afterAll(async () => {
    await app.close();
  });

  it('has a declared policy and a sample request for every GraphQL operation in the schema', async () => {
    const schema = await app.gql<{
      __schema: {
        queryType: { fields: { name: string }[] };
        mutationType: { fields: { name: string }[] };
      };
    }>('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
    const operations = [
      ...schema.data!.__schema.queryType.fields,
      ...schema.data!.__schema.mutationType.fields,
    ]
      .map((f) => f.name)
      .sort();
    // (The registry orders by locale, `sort()` by code unit: residentsOf, residentStays.)
    expect(table.map((row) => row.operation).sort()).toEqual(operations);
    expect(table.filter((row) => !row.policy)).toEqual([]);
    expect(Object.keys(SAMPLES).sort()).toEqual(operations);
    expect(operations.filter((operation) => !accessOf(operation))).toEqual([]);
    expect(ACCESS.flatMap((row) => row.operations).sort()).toEqual(operations);
  });

  it('declares for every operation exactly what the literal access table says', () => {
    const disagreements = table
      .map((row) => ({
        operation: row.operation,
        declared: declared(row),
        table: sorted(accessOf(row.operation)!.who),
      }))
      .filter((row) => JSON.stringify(row.declared) !== JSON.stringify(row.table));
    expect(disagreements).toEqual([]);
  });

  const client = async (caller: Caller, sample: Sample): Promise<GraphQLClient> => {
    if (caller === 'anonymous') {
      return app;
    }
    return sample.endsSession
      ? signIn(app.url, emails.get(caller)!, PASSWORD)
      : sessions.get(caller)!;
  };

  it.each(CALLERS)(
    '%s: allowed exactly where the access table says, in its own shelter and in another',
    async (caller) => {
      const outcomes: string[] = [];
      for (const row of table) {
        for (const scope of ['own', 'other'] as Scope[]) {
          const sample = SAMPLES[row.operation](scope === 'own' ? own : other);
          const result: GraphQLResponse = await (
            await client(caller, sample)
          ).gql(sample.query, sample.variables);
          const reason = result.errors?.[0]?.extensions.reason;
          const denied = reason !== undefined && DENIALS.includes(reason);
          const expected = expectedAllowed(row.operation, caller, scope);
          outcomes.push(
            `${row.operation} ${scope}: ${expected ? 'allow' : 'deny'} ${denied === !expected ? 'ok' : `WRONG (${JSON.stringify(result.errors)})`}`,
          );
          if (!expected) {
            expect(result.errors![0].extensions.code).toBe(
              caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
            );
          }
        }
      }
      expect(outcomes.filter((line) => line.includes('WRONG'))).toEqual([]);
    },
  );

  it('a coordinator of one shelter changes nothing of another by its id, and each refusal is audited', async () => {
    const coordinator = sessions.get(Role.COORDINATOR)!;
    const before = await app.sql<{ name: string; availability_version: string }>(
      'SELECT name, availability_version FROM shelter WHERE id = $1',
      [other.shelterId],
    );
    for (const op of ['updateShelter', 'reportAvailability', 'confirmAvailability']) {
      const sample = SAMPLES[op](other);
      expect(
        (await coordinator.gql(sample.query, sample.variables)).errors![0].extensions.code,
      ).toBe('FORBIDDEN');
    }
    const after = await app.sql('SELECT name, availability_version FROM shelter WHERE id = $1', [
      other.shelterId,
    ]);
    expect(after).toEqual(before);
    const refusals = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE outcome = 'denied' AND actor_id = $1 AND shelter_id = $2`,
      [coordinator.userId, other.shelterId],
    );
    expect(refusals[0].n).toBeGreaterThanOrEqual(3);
  });
  /**
   * A household split between two shelters: one member moved on from `own` to `other`. Written
   * out by hand: what each caller may do to each member, within the previous-shelter window
   * and after it.
   */
  describe('a household across two shelters, and the shelter a person left', () => {
    const NAMES = ['Matriz Estancia', 'Matriz Traslado'];
    let householdId: string;
    /** stays in `own`; moved on to `other`. */
    let stays: string;
    let moved: string;
    let movedAppointment: string;
    let otherCoordinator: SignedIn;

    const moveOn = (since: string) =>
      app.sql(
        `UPDATE resident SET previous_shelter_id = $2, current_shelter_id = $3,
                left_previous_at = now() - $4::interval WHERE id = $1`,
        [moved, own.shelterId, other.shelterId, since],
      );

    const household = async (caller: SignedIn) =>
      caller.gql<{
        household: { members: { id: string; name: string | null }[]; membersElsewhere: string[] };
      }>('query($id: ID!) { household(id: $id) { members { id name } membersElsewhere } }', {
        id: householdId,
      });

    beforeAll(async () => {
      const input = householdInput(own.shelterId);
      input.members = input.members.map((member, i) => ({ ...member, name: NAMES[i] }));
      const registered = await registrar.gql<{
        registerHousehold: { id: string; members: { id: string }[] };
      }>(
        'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id members { id } } }',
        { input },
      );
      householdId = registered.data!.registerHousehold.id;
      [stays, moved] = registered.data!.registerHousehold.members.map((m) => m.id);
      const sample = SAMPLES.addAppointment({ residentIds: [moved, moved] } as unknown as Targets);
      const appointment = await registrar.gql<{ addAppointment: { id: string } }>(
        sample.query,
        sample.variables,
      );
      movedAppointment = appointment.data!.addAppointment.id;
      const email = `other-coordinator-${randomUUID()}@matrix.example`;
      const userId = await createStaff(admin, app, { email, password: PASSWORD });
      await makeMember(admin, userId, other.shelterId, 'COORDINATOR');
      otherCoordinator = await signIn(app.url, email, PASSWORD);
    });

    it('the new shelter sees its member, and of the other nothing but an id', async () => {
      await moveOn('1 day');
      const result = await household(otherCoordinator);
      expect(result.data!.household).toEqual({
        members: [{ id: moved, name: NAMES[1] }],
        membersElsewhere: [stays],
      });
      expect(JSON.stringify(result)).not.toContain(NAMES[0]);
      const direct = await otherCoordinator.gql('query($id: ID!) { resident(id: $id) { id } }', {
        id: stays,
      });
      expect(direct.errors![0].extensions.code).toBe('FORBIDDEN');
    });

    const COORDINATORS_ONLY = [
      'changeAsylumStatus',
      'setCaseStatus',
      'withdrawConsent',
      'exportResident',
      'eraseResident',
      'transfer',
      'mergeResidents',
    ];

    /** The literal table: within the window the shelter left reads and does not write; after it, nothing. */
    const EXPECTED: Record<'within' | 'after', Record<string, 'allow' | 'deny'>> = {
      within: {
        resident: 'allow',
        residentHistory: 'allow',
        residentStays: 'allow',
        updateResident: 'deny',
        changeAsylumStatus: 'deny',
        setCaseStatus: 'deny',
        addAppointment: 'deny',
        setAppointmentOutcome: 'deny',
        withdrawConsent: 'deny',
        exportResident: 'deny',
        eraseResident: 'deny',
        checkOut: 'deny',
        move: 'deny',
        transfer: 'deny',
        mergeResidents: 'deny',
      },
      after: {
        resident: 'deny',
        residentHistory: 'deny',
        residentStays: 'deny',
        updateResident: 'deny',
        changeAsylumStatus: 'deny',
        setCaseStatus: 'deny',
        addAppointment: 'deny',
        setAppointmentOutcome: 'deny',
        withdrawConsent: 'deny',
        exportResident: 'deny',
        eraseResident: 'deny',
        checkOut: 'deny',
        move: 'deny',
        transfer: 'deny',
        mergeResidents: 'deny',
      },
    };

    it.each([
      ['within', '1 day'],
      ['after', '8 days'],
    ] as const)(
      'the shelter the person left, %s the window: reads only, and never writes',
      async (window, since) => {
        await moveOn(since);
        const before = await app.sql('SELECT * FROM resident WHERE id = $1', [moved]);
        const outcomes: string[] = [];
        // Every sample aimed at the member who moved on (and their appointment).
        // (a bed and a shelter of `own`, where the person was, for moves and transfers.)
        const target = { ...own, residentIds: [moved, moved], appointmentId: movedAppointment };
        for (const caller of [Role.COORDINATOR, Role.VOLUNTEER]) {
          for (const operation of Object.keys(EXPECTED[window])) {
            const sample = SAMPLES[operation](target as unknown as Targets);
            const result = await sessions.get(caller)!.gql(sample.query, sample.variables);
            const code = result.errors?.[0]?.extensions.code;
            // Coordinators' operations are refused to a volunteer anywhere.
            const expected =
              caller === Role.VOLUNTEER && COORDINATORS_ONLY.includes(operation)
                ? 'deny'
                : EXPECTED[window][operation];
            // Allowed means answered: any other error would hide a read that did not work.
            const got = !result.errors ? 'allow' : code === 'FORBIDDEN' ? 'deny' : `error ${code}`;
            outcomes.push(
              `${caller} ${operation}: ${expected}${got === expected ? '' : ` WRONG (${JSON.stringify(result.errors)})`}`,
            );
          }
        }
        expect(outcomes.filter((line) => line.includes('WRONG'))).toEqual([]);
        expect(await app.sql('SELECT * FROM resident WHERE id = $1', [moved])).toEqual(before);
        const members = (await household(sessions.get(Role.COORDINATOR)!)).data!.household;
        expect(members.members.map((m) => m.id)).toEqual(
          window === 'within' ? [stays, moved] : [stays],
        );
        expect(members.membersElsewhere).toEqual(window === 'within' ? [] : [moved]);
      },
    );
  });
});
