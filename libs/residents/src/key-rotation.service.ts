import { CryptoKey, type FieldCipher, normaliseDocument } from '@albergue/vault';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Appointment } from './appointment.entity.js';
import { ResidentSealer } from './resident-sealer.js';
import { ResidentEvent } from './resident-event.entity.js';
import { Resident } from './resident.entity.js';
import { nameKey } from './residents.service.js';
import { SEALED_COLUMNS } from './sealed-columns.js';

export interface RotationReport {
  keyId: string;
  residents: number;
  events: number;
  appointments: number;
}

/**
 * Re-seals every sealed value and recomputes every look-up hash with a new key, in one
 * transaction: if anything fails, the database keeps the old key's values (the key file keeps
 * both keys until the operator retires the old one).
 */
@Injectable()
export class KeyRotationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: ResidentSealer,
  ) {}

  async rotate(next: FieldCipher): Promise<RotationReport> {
    const old = this.sealer.cipherInUse;
    const reseal = (value: string | null, context: string) =>
      value === null ? null : next.seal(old.open(value, context), context);
    const report = await this.dataSource.transaction(async (manager) => {
      // Nothing may be sealed with the old key while this runs (writes wait; reads go on).
      await manager.query('LOCK TABLE resident, resident_event, appointment IN EXCLUSIVE MODE');
      const residents = await manager.find(Resident);
      for (const resident of residents) {
        const changes: Record<string, string | null> = {};
        for (const { column, field, lookup } of SEALED_COLUMNS) {
          const sealed = resident[column] as string | null;
          if (sealed === null) {
            continue;
          }
          const plain = old.open(sealed, `${field}:${resident.id}`);
          changes[column] = next.seal(plain, `${field}:${resident.id}`);
          if (lookup) {
            const normalised =
              lookup.kind === 'name'
                ? nameKey(plain, resident.birthYear)
                : normaliseDocument(plain);
            changes[lookup.hashColumn] = next.hash(lookup.kind, normalised);
          }
        }
        await manager.update(Resident, { id: resident.id }, changes as Partial<Resident>);
      }
      const events = await manager.find(ResidentEvent, { where: {} });
      const sealedEvents = events.filter(
        (event) => event.reasonSealed !== null || event.officeSealed !== null,
      );
      for (const event of sealedEvents) {
        await manager.update(
          ResidentEvent,
          { id: event.id },
          {
            reasonSealed: reseal(event.reasonSealed, `resident_event.reason:${event.id}`),
            officeSealed: reseal(event.officeSealed, `resident_event.office:${event.id}`),
          },
        );
      }
      const appointments = (await manager.find(Appointment)).filter(
        (a) => a.notesSealed !== null || a.placeSealed !== null,
      );
      for (const appointment of appointments) {
        await manager.update(
          Appointment,
          { id: appointment.id },
          {
            notesSealed: reseal(appointment.notesSealed, `appointment.notes:${appointment.id}`),
            placeSealed: reseal(appointment.placeSealed, `appointment.place:${appointment.id}`),
          },
        );
      }
      await manager.upsert(CryptoKey, { keyId: next.currentKeyId }, ['keyId']);
      // Nothing is sealed with the older keys any more: they may leave the key file.
      await manager.query('DELETE FROM crypto_key WHERE key_id <> $1', [next.currentKeyId]);
      return {
        keyId: next.currentKeyId,
        residents: residents.length,
        events: sealedEvents.length,
        appointments: appointments.length,
      };
    });
    this.sealer.use(next);
    return report;
  }
}
