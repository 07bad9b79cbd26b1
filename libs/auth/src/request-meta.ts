import type { RequestLike } from '@albergue/common';

/** Where an act came from, for the audit log. */
export interface RequestMeta {
  ip: string;
  requestId: string;
  /** Whether the session cookie must be Secure (the request came over https). */
  secure: boolean;
}

export function requestMeta(req: RequestLike): RequestMeta {
  return { ip: req.ip, requestId: req.id, secure: req.protocol === 'https' };
}
