import type { EntityManager } from 'typeorm';
import { ResidentEvent, type ResidentEventKind } from './resident-event.entity.js';
import type { ResidentSealer } from './resident-sealer.js';

export interface HistoryEntry {
  residentId: string;
  kind: ResidentEventKind;
  from?: string | null;
  to: string;
  byUserId: string;
  override?: boolean;
  office?: string | null;
  reason?: string | null;
}

/**
 * Writes one history row; its reason and office are sealed in a second step, bound to the row's
 * own id, so that neither can be moved to another row of the same person and still open.
 */
export async function recordHistory(
  manager: EntityManager,
  sealer: ResidentSealer,
  entry: HistoryEntry,
): Promise<void> {
  const inserted = await manager.insert(ResidentEvent, {
    residentId: entry.residentId,
    kind: entry.kind,
    fromValue: entry.from ?? null,
    toValue: entry.to,
    byUserId: entry.byUserId,
    override: entry.override ?? false,
  });
  if (entry.reason || entry.office) {
    const id = String((inserted.identifiers[0] as { id: string }).id);
    await manager.update(
      ResidentEvent,
      { id },
      {
        reasonSealed: sealer.seal('resident_event.reason', id, entry.reason),
        officeSealed: sealer.seal('resident_event.office', id, entry.office),
      },
    );
  }
}
