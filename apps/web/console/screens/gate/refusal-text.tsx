import { useT } from '../../core/context.js';
import type { ActError } from '../../graphql/errors.js';
import { errorMessage } from '../../ui/error-text.js';

/** Refusals the gate explains in its own words (the API's `extensions.reason`). */
const GATE_REASONS = [
  'BED_TAKEN',
  'NO_SUITABLE_BEDS',
  'NO_ROOM',
  'BEDS_MODE_ONLY',
  'ALREADY_IN_A_BED',
  'RESIDENT_NOT_HERE',
] as const;

export function RefusalText({ error }: { error: ActError }) {
  const t = useT();
  const reason = GATE_REASONS.find((each) => each === error.reason);
  return (
    <p class="notice error" role="alert">
      {reason ? t(`gate.refused.${reason}`) : errorMessage(t, error)}
    </p>
  );
}

/** A refusal after which the free beds are no longer what the form shows. */
export function bedsMoved(error: ActError): boolean {
  return error.reason === 'BED_TAKEN' || error.reason === 'NO_SUITABLE_BEDS';
}
