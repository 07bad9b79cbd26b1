import { ApiErrorCode } from '@albergue/contracts';
import type { ActError } from '../graphql/errors.js';
import { useT } from '../core/context.js';

/**
 * A refusal in the reader's language: what happened and what to do. Validation refusals keep the
 * API's own message (it names the field); the rest say it in the catalogue's words.
 */
export function ErrorText({ error }: { error: ActError | undefined }) {
  const t = useT();
  if (!error) {
    return null;
  }
  return (
    <p class="notice error" role="alert">
      {errorMessage(t, error)}
    </p>
  );
}

export function errorMessage(t: ReturnType<typeof useT>, error: ActError): string {
  switch (error.code) {
    case 'NETWORK':
    case ApiErrorCode.SERVICE_UNAVAILABLE:
      return t('error.network');
    case ApiErrorCode.BAD_USER_INPUT:
      return t('error.BAD_USER_INPUT', { message: error.message });
    case ApiErrorCode.FORBIDDEN:
      return t('error.FORBIDDEN');
    case ApiErrorCode.NOT_FOUND:
      return t('error.NOT_FOUND');
    case ApiErrorCode.CONFLICT:
      // A retry after no answer, with the form changed meanwhile: the first try had gone through.
      return error.reason === 'REQUEST_ID_REUSED' ? t('error.requestReused') : t('error.CONFLICT');
    default:
      return t('error.other');
  }
}
